//! A font file looked over before the typesetter reads it: its size, a collection's face count,
//! each face's table directory and the code points its character maps claim, each bounded, so
//! that a damaged or crafted font is refused at once instead of read for minutes.
//!
//! Reading a face, the typesetter lists every code point its character maps claim: a map of
//! 60 000 groups that each claim all of Unicode, in a font of 750 KB, took 89 s and 16.8 GB; a
//! 12-byte collection claiming 2³²−1 faces, 213 s.

use crate::i18n::Msg;
use crate::msg;

/// A font file larger than this is refused unread: the largest CJK collections are some
/// 30 MB.
pub const MAX_FONT_BYTES: usize = 128 * 1024 * 1024;

/// Faces of one collection: the CJK collections hold up to 10 to 20.
pub const MAX_FACES: u32 = 64;

/// Tables of one face, and subtables of one character map: real fonts have some 20 and 5.
pub const MAX_TABLES: usize = 256;

/// Code points one face's character maps claim, all subtables together: a CJK font claims
/// some 100 000 (a BMP map and a full one), all of Unicode is 1 114 112.
pub const MAX_CODE_POINTS: u64 = 400_000;

/// Why a font file is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    TooLarge,
    NotAFont,
    /// Cut short, or a table that points outside the file.
    Damaged,
    TooManyFaces(u32),
    TooManyTables,
    TooManyCodePoints,
}

impl Problem {
    pub fn message(&self) -> Msg {
        match self {
            Problem::TooLarge => {
                let mb = MAX_FONT_BYTES / (1024 * 1024);
                msg!("it is larger than {mb} MB", "文件大于 {mb} MB")
            }
            Problem::NotAFont => msg!(
                "it is not a TrueType or OpenType font",
                "不是 TrueType 或 OpenType 字体"
            ),
            Problem::Damaged => msg!("it is damaged or cut short", "字体文件已损坏或不完整"),
            Problem::TooManyFaces(n) => msg!(
                "it claims {n} faces, more than the {MAX_FACES} a font collection may hold",
                "声称含有 {n} 个字体，超过字体集允许的 {MAX_FACES} 个"
            ),
            Problem::TooManyTables => msg!(
                "it has more than {MAX_TABLES} tables or character maps",
                "所含的表或字符映射超过 {MAX_TABLES} 个"
            ),
            Problem::TooManyCodePoints => msg!(
                "its character maps claim more than {MAX_CODE_POINTS} characters, more than any font has",
                "字符映射声称的字符超过 {MAX_CODE_POINTS} 个，多于任何真实字体"
            ),
        }
    }
}

fn u16_at(data: &[u8], at: usize) -> Result<u16, Problem> {
    let bytes = data.get(at..at.checked_add(2).ok_or(Problem::Damaged)?);
    bytes
        .and_then(|b| b.try_into().ok())
        .map(u16::from_be_bytes)
        .ok_or(Problem::Damaged)
}

fn u32_at(data: &[u8], at: usize) -> Result<u32, Problem> {
    let bytes = data.get(at..at.checked_add(4).ok_or(Problem::Damaged)?);
    bytes
        .and_then(|b| b.try_into().ok())
        .map(u32::from_be_bytes)
        .ok_or(Problem::Damaged)
}

/// How many faces `data` holds, once each is found within bounds; why it is refused if not.
pub fn faces(data: &[u8]) -> Result<u32, Problem> {
    let offsets = offsets(data)?;
    for &at in &offsets {
        face(data, at)?;
    }
    Ok(offsets.len() as u32)
}

/// Whether the face at `index` of `data` is within bounds: what reading that face alone
/// needs.
pub fn face_at(data: &[u8], index: u32) -> Result<(), Problem> {
    let offsets = offsets(data)?;
    let at = usize::try_from(index).ok().and_then(|i| offsets.get(i));
    face(data, *at.ok_or(Problem::Damaged)?)
}

/// Where each face of `data` begins: one for a font, each of a collection's.
fn offsets(data: &[u8]) -> Result<Vec<usize>, Problem> {
    if data.len() > MAX_FONT_BYTES {
        return Err(Problem::TooLarge);
    }
    Ok(match &u32_at(data, 0)?.to_be_bytes() {
        b"ttcf" => {
            let n = u32_at(data, 8)?;
            if n == 0 {
                return Err(Problem::Damaged);
            }
            if n > MAX_FACES {
                return Err(Problem::TooManyFaces(n));
            }
            (0..n as usize)
                .map(|i| u32_at(data, 12 + 4 * i).map(|o| o as usize))
                .collect::<Result<_, _>>()?
        }
        [0, 1, 0, 0] | b"OTTO" | b"true" | b"typ1" => vec![0],
        _ => return Err(Problem::NotAFont),
    })
}

/// One face's table directory: every table within the file, its character map bounded.
fn face(data: &[u8], at: usize) -> Result<(), Problem> {
    let tables = usize::from(u16_at(data, at + 4)?);
    if tables > MAX_TABLES {
        return Err(Problem::TooManyTables);
    }
    for i in 0..tables {
        let record = at + 12 + 16 * i;
        let (tag, offset, length) = (
            u32_at(data, record)?.to_be_bytes(),
            u32_at(data, record + 8)? as usize,
            u32_at(data, record + 12)? as usize,
        );
        let table = data
            .get(offset..offset.checked_add(length).ok_or(Problem::Damaged)?)
            .ok_or(Problem::Damaged)?;
        if &tag == b"cmap" {
            character_map(table)?;
        }
    }
    Ok(())
}

/// The code points a character map's subtables claim, counted as their ranges say, however
/// they overlap.
fn character_map(table: &[u8]) -> Result<(), Problem> {
    let subtables = usize::from(u16_at(table, 2)?);
    if subtables > MAX_TABLES {
        return Err(Problem::TooManyTables);
    }
    let mut claimed = 0u64;
    for i in 0..subtables {
        let at = u32_at(table, 4 + 8 * i + 4)? as usize;
        let sub = table.get(at..).ok_or(Problem::Damaged)?;
        claimed += match u16_at(sub, 0)? {
            4 => format_4(sub, MAX_CODE_POINTS - claimed)?,
            6 => u64::from(u16_at(sub, 8)?),
            10 => u64::from(u32_at(sub, 16)?),
            8 => groups(sub, 8192 + 12, MAX_CODE_POINTS - claimed)?,
            12 | 13 => groups(sub, 12, MAX_CODE_POINTS - claimed)?,
            _ => 0,
        };
        if claimed > MAX_CODE_POINTS {
            return Err(Problem::TooManyCodePoints);
        }
    }
    Ok(())
}

/// Format 4: segments of 16-bit code points, their ends then their starts.
fn format_4(sub: &[u8], room: u64) -> Result<u64, Problem> {
    let segments = usize::from(u16_at(sub, 6)? / 2);
    let (ends, starts) = (14, 14 + 2 * segments + 2);
    let mut claimed = 0u64;
    for i in 0..segments {
        let (end, start) = (u16_at(sub, ends + 2 * i)?, u16_at(sub, starts + 2 * i)?);
        claimed += u64::from(end.saturating_sub(start)) + 1;
        if claimed > room {
            return Err(Problem::TooManyCodePoints);
        }
    }
    Ok(claimed)
}

/// Formats 8, 12 and 13: a count at `count_at`, then groups of a start, an end and a glyph.
fn groups(sub: &[u8], count_at: usize, room: u64) -> Result<u64, Problem> {
    let count = u32_at(sub, count_at)? as usize;
    let mut claimed = 0u64;
    for i in 0..count {
        let group = count_at + 4 + 12 * i;
        let (start, end) = (u32_at(sub, group)?, u32_at(sub, group + 4)?);
        claimed += u64::from(end.saturating_sub(start)) + 1;
        if claimed > room {
            return Err(Problem::TooManyCodePoints);
        }
    }
    Ok(claimed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A face of the tables given, each a tag and its bytes, as a font file.
    fn font(tables: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
        let mut out = vec![0, 1, 0, 0];
        out.extend((tables.len() as u16).to_be_bytes());
        out.extend([0; 6]);
        let mut offset = 12 + 16 * tables.len();
        let mut bodies: Vec<u8> = Vec::new();
        for (tag, body) in tables {
            out.extend(*tag);
            out.extend([0; 4]);
            out.extend((offset as u32).to_be_bytes());
            out.extend((body.len() as u32).to_be_bytes());
            offset += body.len();
            bodies.extend(body.iter());
        }
        out.extend(bodies);
        out
    }

    /// A character map of one format 12 subtable of `groups` ranges.
    fn cmap_12(groups: &[(u32, u32)]) -> Vec<u8> {
        let mut sub = vec![0, 12, 0, 0];
        sub.extend(((16 + 12 * groups.len()) as u32).to_be_bytes());
        sub.extend([0; 4]);
        sub.extend((groups.len() as u32).to_be_bytes());
        for (start, end) in groups {
            sub.extend(start.to_be_bytes());
            sub.extend(end.to_be_bytes());
            sub.extend(0u32.to_be_bytes());
        }
        let mut table = vec![0, 0, 0, 1, 0, 3, 0, 10];
        table.extend(12u32.to_be_bytes());
        table.extend(sub);
        table
    }

    #[test]
    fn a_plain_font_and_its_character_map_pass() {
        let f = font(&[
            (b"cmap", cmap_12(&[(0x20, 0x7E), (0x4E00, 0x9FFF)])),
            (b"head", vec![0; 54]),
        ]);
        assert_eq!(faces(&f), Ok(1));
    }

    /// Groups that each claim all of Unicode: refused at the first that goes past the bound,
    /// however many follow.
    #[test]
    fn a_character_map_claiming_too_much_is_refused() {
        let all = (0, 0x10FFFF);
        assert_eq!(
            faces(&font(&[(b"cmap", cmap_12(&vec![all; 60_000]))])),
            Err(Problem::TooManyCodePoints)
        );
        let many = vec![(0x4E00, 0x9FFF); 20];
        assert_eq!(
            faces(&font(&[(b"cmap", cmap_12(&many))])),
            Err(Problem::TooManyCodePoints)
        );
    }

    #[test]
    fn a_collection_claiming_too_many_faces_is_refused_unread() {
        let mut ttc = b"ttcf".to_vec();
        ttc.extend([0, 1, 0, 0]);
        ttc.extend(u32::MAX.to_be_bytes());
        assert_eq!(faces(&ttc), Err(Problem::TooManyFaces(u32::MAX)));
        let one = font(&[(b"cmap", cmap_12(&[(0x20, 0x7E)]))]);
        let mut two = b"ttcf".to_vec();
        two.extend([0, 1, 0, 0]);
        two.extend(2u32.to_be_bytes());
        two.extend(20u32.to_be_bytes());
        two.extend(20u32.to_be_bytes());
        // Both faces at 20: the table offsets of a face count from the file's start.
        let shifted: Vec<u8> = {
            let mut f = one.clone();
            for i in 0..1 {
                let at = 12 + 16 * i + 8;
                let o = u32::from_be_bytes(f[at..at + 4].try_into().unwrap()) + 20;
                f[at..at + 4].copy_from_slice(&o.to_be_bytes());
            }
            f
        };
        two.extend(shifted);
        assert_eq!(faces(&two), Ok(2));
    }

    /// A face is looked over alone: a collection whose other face claims too much still
    /// gives its good one, and a face past its end is refused.
    #[test]
    fn a_face_is_looked_over_alone() {
        let good = font(&[(b"cmap", cmap_12(&[(0x20, 0x7E)]))]);
        let bad = font(&[(b"cmap", cmap_12(&[(0, 0x10FFFF); 2]))]);
        let shift = |f: &[u8], by: u32| {
            let mut f = f.to_vec();
            let at = 12 + 8;
            let o = u32::from_be_bytes(f[at..at + 4].try_into().unwrap()) + by;
            f[at..at + 4].copy_from_slice(&o.to_be_bytes());
            f
        };
        let mut ttc = b"ttcf".to_vec();
        ttc.extend([0, 1, 0, 0]);
        ttc.extend(2u32.to_be_bytes());
        let (first, second) = (20u32, 20 + good.len() as u32);
        ttc.extend(first.to_be_bytes());
        ttc.extend(second.to_be_bytes());
        ttc.extend(shift(&good, first));
        ttc.extend(shift(&bad, second));
        assert_eq!(face_at(&ttc, 0), Ok(()));
        assert_eq!(face_at(&ttc, 1), Err(Problem::TooManyCodePoints));
        assert_eq!(face_at(&ttc, 2), Err(Problem::Damaged));
        assert_eq!(faces(&ttc), Err(Problem::TooManyCodePoints));
        assert_eq!(face_at(&good, 0), Ok(()));
        assert_eq!(face_at(&good, 1), Err(Problem::Damaged));
    }

    #[test]
    fn damaged_and_foreign_files_are_refused() {
        let f = font(&[(b"cmap", cmap_12(&[(0x20, 0x7E)]))]);
        for cut in [0, 3, 11, 20, f.len() - 1] {
            assert!(faces(&f[..cut]).is_err(), "cut at {cut}");
        }
        assert_eq!(faces(b"%PDF-1.7 ....."), Err(Problem::NotAFont));
        let mut far = f.clone();
        far[12 + 8..12 + 12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(faces(&far), Err(Problem::Damaged));
    }

    /// A character map of the subtables given, each a format and its body after the format.
    fn cmap_of(subtables: &[Vec<u8>]) -> Vec<u8> {
        let mut table = vec![0, 0];
        table.extend((subtables.len() as u16).to_be_bytes());
        let mut offset = 4 + 8 * subtables.len();
        for sub in subtables {
            table.extend([0, 3, 0, 10]);
            table.extend((offset as u32).to_be_bytes());
            offset += sub.len();
        }
        for sub in subtables {
            table.extend(sub);
        }
        table
    }

    /// A format 12 subtable of one group, `start..=end`.
    fn sub_12(start: u32, end: u32) -> Vec<u8> {
        let mut sub = vec![0, 12, 0, 0, 0, 0, 0, 28, 0, 0, 0, 0, 0, 0, 0, 1];
        for n in [start, end, 0] {
            sub.extend(n.to_be_bytes());
        }
        sub
    }

    /// A format 4 subtable of the segments given, each `start..=end`.
    fn sub_4(segments: &[(u16, u16)]) -> Vec<u8> {
        let mut sub = vec![0, 4, 0, 0, 0, 0];
        sub.extend((2 * segments.len() as u16).to_be_bytes());
        sub.extend([0; 6]);
        sub.extend(segments.iter().flat_map(|(_, end)| end.to_be_bytes()));
        sub.extend([0, 0]);
        sub.extend(segments.iter().flat_map(|(start, _)| start.to_be_bytes()));
        sub
    }

    /// Format 6 (a count at 8) and format 10 (a count at 16) claim as many code points.
    fn sub_counted(format: u16, count: u32) -> Vec<u8> {
        let mut sub = format.to_be_bytes().to_vec();
        match format {
            6 => {
                sub.extend([0; 6]);
                sub.extend((count as u16).to_be_bytes());
            }
            _ => {
                sub.extend([0; 14]);
                sub.extend(count.to_be_bytes());
            }
        }
        sub
    }

    /// Format 8: a bitmap of 8192 bytes, then groups as format 12 has them.
    fn sub_8(start: u32, end: u32) -> Vec<u8> {
        let mut sub = vec![0, 8, 0, 0];
        sub.extend([0; 8]);
        sub.extend(vec![0; 8192]);
        sub.extend(1u32.to_be_bytes());
        for n in [start, end, 0] {
            sub.extend(n.to_be_bytes());
        }
        sub
    }

    fn claims(subtables: &[Vec<u8>]) -> Result<u32, Problem> {
        faces(&font(&[(b"cmap", cmap_of(subtables))]))
    }

    /// The bound on code points holds exactly, counted over every subtable of every format:
    /// a range claims its ends and all between.
    #[test]
    fn the_code_points_of_every_format_count_up_to_the_bound_exactly() {
        let max = MAX_CODE_POINTS as u32;
        assert_eq!(claims(&[sub_12(0, max - 1)]), Ok(1));
        assert_eq!(claims(&[sub_12(0, max)]), Err(Problem::TooManyCodePoints));
        assert_eq!(claims(&[sub_8(0, max - 1)]), Ok(1));
        assert_eq!(claims(&[sub_8(0, max)]), Err(Problem::TooManyCodePoints));
        // Two subtables each within the bound, together past it.
        let half = max / 2;
        assert_eq!(claims(&[sub_12(0, half - 1), sub_12(0, half - 1)]), Ok(1));
        assert_eq!(
            claims(&[sub_12(0, half - 1), sub_12(0, half)]),
            Err(Problem::TooManyCodePoints)
        );
        // Format 4 segments, single code points among them, after a map that leaves room for
        // two.
        let rest = sub_12(0, max - 3);
        assert_eq!(
            claims(&[rest.clone(), sub_4(&[(0x41, 0x41), (0x43, 0x43)])]),
            Ok(1)
        );
        assert_eq!(
            claims(&[
                rest.clone(),
                sub_4(&[(0x41, 0x41), (0x43, 0x43), (0x45, 0x45)])
            ]),
            Err(Problem::TooManyCodePoints)
        );
        assert_eq!(
            claims(&[rest, sub_4(&[(0x41, 0x43)])]),
            Err(Problem::TooManyCodePoints)
        );
        // Format 6 counts at most 65 535, after a map that leaves room for 60 000; format 10
        // counts any number.
        let before = sub_12(0, max - 60_001);
        assert_eq!(claims(&[before.clone(), sub_counted(6, 60_000)]), Ok(1));
        assert_eq!(
            claims(&[before, sub_counted(6, 60_001)]),
            Err(Problem::TooManyCodePoints)
        );
        assert_eq!(claims(&[sub_counted(10, max)]), Ok(1));
        assert_eq!(
            claims(&[sub_counted(10, max + 1)]),
            Err(Problem::TooManyCodePoints)
        );
    }

    /// The counts of faces, tables and character maps are bounded exactly.
    #[test]
    fn faces_tables_and_maps_are_bounded_exactly() {
        let collection = |n: u32| {
            let mut ttc = b"ttcf".to_vec();
            ttc.extend([0, 1, 0, 0]);
            ttc.extend(n.to_be_bytes());
            let first = 12 + 4 * n;
            for _ in 0..n {
                ttc.extend(first.to_be_bytes());
            }
            ttc.extend(font(&[(b"head", vec![])]));
            ttc
        };
        assert_eq!(faces(&collection(MAX_FACES)), Ok(MAX_FACES));
        assert_eq!(
            faces(&collection(MAX_FACES + 1)),
            Err(Problem::TooManyFaces(MAX_FACES + 1))
        );
        let tables = |n: usize| {
            let tags: Vec<[u8; 4]> = (0..n).map(|i| (i as u32).to_be_bytes()).collect();
            let tables: Vec<(&[u8; 4], Vec<u8>)> = tags.iter().map(|t| (t, vec![])).collect();
            faces(&font(&tables))
        };
        assert_eq!(tables(MAX_TABLES), Ok(1));
        assert_eq!(tables(MAX_TABLES + 1), Err(Problem::TooManyTables));
        let maps = |n: usize| claims(&vec![sub_12(0x41, 0x41); n]);
        assert_eq!(maps(MAX_TABLES), Ok(1));
        assert_eq!(maps(MAX_TABLES + 1), Err(Problem::TooManyTables));
    }

    /// A file of the size bound is looked at; one byte more is refused unread.
    #[test]
    fn the_size_bound_is_exact() {
        let mut data = vec![0u8; MAX_FONT_BYTES];
        assert_eq!(faces(&data), Err(Problem::NotAFont));
        data.push(0);
        assert_eq!(faces(&data), Err(Problem::TooLarge));
        assert_eq!(Problem::TooLarge.message().en, "it is larger than 128 MB");
    }
}
