//! The choices a command line names, such as formats: one macro declares each enum with its
//! names, extensions and help, and one trait lets the command line read any of them from a
//! name or a file name.

use std::path::Path;

/// A value chosen by name (`--format md`), or by a file name's extension (`-o a.docx`, in any
/// case): the formats of `weekly build`, `weekly stats` and `weekly import`, and how findings
/// are printed.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order they are listed.
    fn all() -> &'static [Self];

    /// The name the command line takes.
    fn name(self) -> &'static str;

    /// Other names the command line takes for it.
    fn aliases(self) -> &'static [&'static str];

    /// The extensions that mean it, the usual one first; none for a choice a file name
    /// cannot make.
    fn extensions(self) -> &'static [&'static str];

    /// What it is, for `--help`.
    fn description(self) -> &'static str;

    /// The value `path`'s extension names.
    fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::all()
            .iter()
            .copied()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// The value named `name` or one of its aliases.
    fn from_name(name: &str) -> Option<Self> {
        Self::all()
            .iter()
            .copied()
            .find(|f| f.name() == name || f.aliases().contains(&name))
    }
}

/// Declares an enum of choices: each variant with its name, aliases, extensions and help,
/// the list of them all (`ALL`), and its [`Choice`].
#[macro_export]
macro_rules! choices {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $text:literal
                    $(, aliases [$($alias:literal),* $(,)?])?
                    $(, extensions [$($ext:literal),* $(,)?])?
                    : $help:literal,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            pub const ALL: [$name; [$($name::$variant),*].len()] = [$($name::$variant),*];
        }

        impl $crate::formats::Choice for $name {
            fn all() -> &'static [$name] {
                &$name::ALL
            }

            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            fn aliases(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$($($alias),*)?],)*
                }
            }

            fn extensions(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$($($ext),*)?],)*
                }
            }

            fn description(self) -> &'static str {
                match self {
                    $($name::$variant => $help,)*
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::choices! {
        /// A choice to test the macro on.
        pub enum Fruit {
            Apple = "apple", aliases ["malus"], extensions ["apl", "apple"]: "An apple",
            /// A pear.
            Pear = "pear", extensions ["pear"]: "A pear",
            Plum = "plum": "A plum, which no file name names",
        }
    }

    #[test]
    fn a_choice_by_name_alias_and_extension() {
        assert_eq!(Fruit::ALL, [Fruit::Apple, Fruit::Pear, Fruit::Plum]);
        assert_eq!(Fruit::from_name("malus"), Some(Fruit::Apple));
        assert_eq!(Fruit::from_name("pear"), Some(Fruit::Pear));
        assert_eq!(Fruit::from_name("Pear"), None, "names are typed as given");
        assert_eq!(Fruit::from_path(Path::new("a/b.APPLE")), Some(Fruit::Apple));
        assert_eq!(Fruit::from_path(Path::new("b.pear")), Some(Fruit::Pear));
        assert_eq!(Fruit::from_path(Path::new("b.plum")), None);
        assert_eq!(Fruit::Plum.extensions(), &[] as &[&str]);
        assert_eq!(Fruit::Pear.description(), "A pear");
    }
}
