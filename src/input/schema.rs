//! The input format: every mapping's keys, their types and meaning. The checker holds files
//! to it, and the JSON Schema for editors is generated from it, so the two cannot drift apart.

use serde_json::{Map, Value, json};

/// What a value must be.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    Text,
    /// A whole number from 0 up.
    Count,
    /// A whole number from 1 up.
    Positive,
    Year,
    /// `YYYY-MM-DD`.
    Date,
    Map(&'static Shape),
    /// A list of mappings of one shape.
    List(&'static Shape),
    /// A list of texts or mappings of one shape.
    TextsOr(&'static Shape),
    /// A list of warning codes.
    Codes,
}

/// One key of a mapping.
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    pub ty: Ty,
    pub en: &'static str,
    pub zh: &'static str,
}

/// The keys one kind of mapping has.
#[derive(Debug)]
pub struct Shape {
    pub what: &'static str,
    pub zh: &'static str,
    pub keys: &'static [Key],
}

impl Shape {
    pub fn allows(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k.name == key)
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.keys.iter().map(|k| k.name).collect()
    }

    pub fn required(&self) -> impl Iterator<Item = &'static str> {
        self.keys.iter().filter(|k| k.required).map(|k| k.name)
    }
}

const fn key(
    name: &'static str,
    required: bool,
    ty: Ty,
    en: &'static str,
    zh: &'static str,
) -> Key {
    Key {
        name,
        required,
        ty,
        en,
        zh,
    }
}

pub static ROOT: Shape = Shape {
    what: "issue",
    zh: "一期周报",
    keys: &[
        key(
            "previous",
            false,
            Ty::Text,
            "last week's issue file, relative to this one; numbers, dates and year-to-date figures follow on from it",
            "上一期的文件（相对本文件的路径）；期号、日期和累计数据由此接续",
        ),
        key("masthead", true, Ty::Map(&MASTHEAD), "the masthead", "报头"),
        key(
            "sections",
            true,
            Ty::List(&SECTION),
            "the sections, in printed order; numbered 一、二、… by weekly",
            "正文各栏目，按印刷顺序；由 weekly 编号一、二、……",
        ),
        key(
            "footer",
            true,
            Ty::Map(&FOOTER),
            "the closing block",
            "报尾",
        ),
        key(
            "lint",
            false,
            Ty::Map(&LINT),
            "typography warnings this issue switches off",
            "本期关闭的排版提示",
        ),
    ],
};

pub static MASTHEAD: Shape = Shape {
    what: "masthead",
    zh: "报头",
    keys: &[
        key(
            "title",
            true,
            Ty::Text,
            "the bulletin's title",
            "刊名，如“窗口工作周报”",
        ),
        key("year", true, Ty::Year, "the year of the issue", "年份"),
        key(
            "number",
            true,
            Ty::Positive,
            "issue number within the year (第 39 期)",
            "当年期号（第 39 期）",
        ),
        key(
            "total",
            true,
            Ty::Positive,
            "running number since the first issue (总第 459 期)",
            "总期号（总第 459 期）",
        ),
        key(
            "period",
            true,
            Ty::Map(&PERIOD),
            "the week reported on",
            "本期所报的一周",
        ),
        key("publisher", true, Ty::Text, "the issuing body", "编发单位"),
        key(
            "published",
            true,
            Ty::Date,
            "publication date, YYYY-MM-DD",
            "印发日期，格式 YYYY-MM-DD",
        ),
    ],
};

pub static PERIOD: Shape = Shape {
    what: "period",
    zh: "周期",
    keys: &[
        key(
            "start",
            true,
            Ty::Date,
            "first day, YYYY-MM-DD",
            "首日，格式 YYYY-MM-DD",
        ),
        key(
            "end",
            true,
            Ty::Date,
            "last day, YYYY-MM-DD",
            "末日，格式 YYYY-MM-DD",
        ),
    ],
};

const DIRECTIVES: Key = key(
    "directives",
    false,
    Ty::List(&DIRECTIVE),
    "leaders' directives (领导批示)",
    "领导批示",
);
const COUNTERS: Key = key(
    "counters",
    false,
    Ty::List(&COUNTER),
    "service-counter statistics, one sentence",
    "窗口办件统计，合成一句",
);
const PROGRESS_KEY: Key = key(
    "progress",
    false,
    Ty::Map(&PROGRESS),
    "work done against a total; the share is computed",
    "工作进度；占比自动计算",
);
const ITEMS: Key = key(
    "items",
    false,
    Ty::TextsOr(&ITEM),
    "numbered paragraphs: text, or a lead-in with departments",
    "编号段落：文字，或引语加各部门情况",
);
const VISITS: Key = key(
    "visits",
    false,
    Ty::List(&VISIT),
    "leaders who came to the hall, by department",
    "厅（局）长进大厅，按部门",
);
const VISIT_PURPOSE: Key = key(
    "visit_purpose",
    false,
    Ty::Text,
    "what they came for (default 到省政务服务大厅窗口调研值守)",
    "来意（默认“到省政务服务大厅窗口调研值守”）",
);

pub static SECTION: Shape = Shape {
    what: "section",
    zh: "栏目",
    keys: &[
        key(
            "title",
            true,
            Ty::Text,
            "the section's title, without its number",
            "标题，不含编号",
        ),
        key(
            "subsections",
            false,
            Ty::List(&SUBSECTION),
            "subsections, numbered （一）（二）…; instead of content",
            "子栏目，编号（一）（二）……；与内容二选一",
        ),
        DIRECTIVES,
        COUNTERS,
        PROGRESS_KEY,
        ITEMS,
        VISITS,
        VISIT_PURPOSE,
    ],
};

pub static SUBSECTION: Shape = Shape {
    what: "subsection",
    zh: "子栏目",
    keys: &[
        key(
            "title",
            true,
            Ty::Text,
            "the subsection's title, without its number",
            "标题，不含编号",
        ),
        DIRECTIVES,
        COUNTERS,
        PROGRESS_KEY,
        ITEMS,
        VISITS,
        VISIT_PURPOSE,
    ],
};

pub static DIRECTIVE: Shape = Shape {
    what: "directive",
    zh: "批示",
    keys: &[
        key(
            "date",
            true,
            Ty::Date,
            "date of the directive, YYYY-MM-DD",
            "批示日期，格式 YYYY-MM-DD",
        ),
        key(
            "leader",
            true,
            Ty::Text,
            "who, with title: 杨兴平副省长",
            "批示领导及职务，如“杨兴平副省长”",
        ),
        key(
            "source",
            true,
            Ty::Text,
            "the document written on",
            "所批文件",
        ),
        key("text", true, Ty::Text, "the instruction", "批示内容"),
    ],
};

pub static COUNTER: Shape = Shape {
    what: "counter",
    zh: "统计项",
    keys: &[
        key(
            "name",
            true,
            Ty::Text,
            "what is counted: 咨询, 受理, …",
            "统计项目，如“咨询”“受理”",
        ),
        key(
            "unit",
            true,
            Ty::Text,
            "unit: 人次, 件, …",
            "单位，如“人次”“件”",
        ),
        key("week", true, Ty::Count, "this week's figure", "本周数"),
        key(
            "year_to_date",
            false,
            Ty::Count,
            "the year so far, this week included; left out, it is computed from the previous issue",
            "今年以来累计（含本周）；不填则由上一期推算",
        ),
    ],
};

pub static PROGRESS: Shape = Shape {
    what: "progress",
    zh: "进度",
    keys: &[
        key(
            "dept",
            false,
            Ty::Text,
            "who did this week's part",
            "本周完成单位",
        ),
        key("week", true, Ty::Count, "done this week", "本周完成数"),
        key(
            "done",
            false,
            Ty::Count,
            "done so far, this week included; left out, it is computed from the previous issue",
            "截至目前累计完成数（含本周）；不填则由上一期推算",
        ),
        key("total", true, Ty::Positive, "the whole to be done", "总数"),
        key("unit", true, Ty::Text, "unit: 个, 项, …", "单位，如“个”"),
        key("work", true, Ty::Text, "what the work is", "工作内容"),
    ],
};

pub static ITEM: Shape = Shape {
    what: "item",
    zh: "条目",
    keys: &[
        key(
            "lead",
            false,
            Ty::Text,
            "the lead-in: 本周，",
            "引语，如“本周，”",
        ),
        key(
            "departments",
            true,
            Ty::List(&DEPT_ENTRY),
            "each department and what it did",
            "各部门及其工作",
        ),
    ],
};

pub static DEPT_ENTRY: Shape = Shape {
    what: "department entry",
    zh: "部门条目",
    keys: &[
        key(
            "dept",
            true,
            Ty::Text,
            "the department, printed in bold in Markdown",
            "部门名称，Markdown 中加粗",
        ),
        key("text", true, Ty::Text, "what it did", "工作情况"),
    ],
};

pub static VISIT: Shape = Shape {
    what: "visit",
    zh: "来访",
    keys: &[
        key("dept", true, Ty::Text, "the department", "部门"),
        key("people", true, Ty::List(&PERSON), "who came", "来访人员"),
    ],
};

pub static PERSON: Shape = Shape {
    what: "person",
    zh: "人员",
    keys: &[
        key(
            "title",
            true,
            Ty::Text,
            "title: 党组成员、副厅长",
            "职务，如“党组成员、副厅长”",
        ),
        key("name", true, Ty::Text, "name", "姓名"),
    ],
};

pub static LINT: Shape = Shape {
    what: "lint settings",
    zh: "警告设置",
    keys: &[key(
        "allow",
        true,
        Ty::Codes,
        "warning codes to switch off: [W012, …]; `W019 咨询` for one counter only; `E036 咨询` or `E037 <work>` to accept a written running figure",
        "要关闭的警告代码，如 [W012]；`W019 咨询` 只对该统计项关闭；`E036 咨询`、`E037 <工作>` 认可写明的累计数",
    )],
};

pub static FOOTER: Shape = Shape {
    what: "footer",
    zh: "报尾",
    keys: &[
        key(
            "send",
            true,
            Ty::Text,
            "送: recipients, as printed; a full stop is added",
            "送：收文单位，照录，句号自动添加",
        ),
        key(
            "distribute",
            true,
            Ty::Text,
            "发: recipients, as printed; a full stop is added",
            "发：分发单位，照录，句号自动添加",
        ),
        key(
            "copies",
            true,
            Ty::Positive,
            "copies printed: （共印91份）",
            "印数（共印91份）",
        ),
    ],
};

/// The JSON Schema (2020-12) of an issue file, for editors' completion and hover.
/// Whether `name` is a key somewhere in the format.
pub fn is_key(name: &str) -> bool {
    fn walk(shape: &'static Shape, seen: &mut Vec<*const Shape>, name: &str) -> bool {
        if seen.contains(&(shape as *const Shape)) {
            return false;
        }
        seen.push(shape);
        shape.keys.iter().any(|k| {
            k.name == name
                || match k.ty {
                    Ty::Map(s) | Ty::List(s) | Ty::TextsOr(s) => walk(s, seen, name),
                    _ => false,
                }
        })
    }
    walk(&ROOT, &mut Vec::new(), name)
}

pub fn json_schema() -> Value {
    let mut defs = Map::new();
    let root = shape_schema(&ROOT, &mut defs);
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "窗口工作周报 / weekly bulletin issue",
    });
    if let (Value::Object(schema), Value::Object(root)) = (&mut schema, root) {
        schema.extend(root);
        schema.insert("$defs".into(), Value::Object(defs));
    }
    schema
}

fn describe(zh: &str, en: &str) -> String {
    format!("{zh} / {en}")
}

/// A shape's schema; nested shapes go to `$defs` and are referred to by name.
fn shape_schema(shape: &'static Shape, defs: &mut Map<String, Value>) -> Value {
    let mut properties = Map::new();
    for k in shape.keys {
        let mut property = ty_schema(k.ty, defs);
        if let Value::Object(p) = &mut property {
            p.insert("description".into(), describe(k.zh, k.en).into());
        }
        properties.insert(k.name.into(), property);
    }
    json!({
        "type": "object",
        "description": describe(shape.zh, shape.what),
        "properties": properties,
        "required": shape.required().collect::<Vec<_>>(),
        "additionalProperties": false,
    })
}

fn reference(shape: &'static Shape, defs: &mut Map<String, Value>) -> Value {
    let name = shape.what.replace(' ', "_");
    if !defs.contains_key(&name) {
        defs.insert(name.clone(), Value::Null);
        let schema = shape_schema(shape, defs);
        defs.insert(name.clone(), schema);
    }
    json!({ "$ref": format!("#/$defs/{name}") })
}

/// Text: a plain `010` or `true` is read as the text typed, so numbers and truth values pass.
fn text_schema() -> Value {
    json!({ "anyOf": [{ "type": "string", "pattern": "\\S" }, { "type": ["number", "boolean"] }] })
}

fn ty_schema(ty: Ty, defs: &mut Map<String, Value>) -> Value {
    match ty {
        Ty::Text => text_schema(),
        Ty::Count => json!({ "type": "integer", "minimum": 0 }),
        Ty::Positive => json!({ "type": "integer", "minimum": 1 }),
        Ty::Year => json!({ "type": "integer", "minimum": 1900, "maximum": 9999 }),
        Ty::Date => json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$" }),
        Ty::Map(shape) => reference(shape, defs),
        // A list left blank (`items:`) is an empty list, as in a draft being filled in.
        Ty::List(shape) => json!({ "type": ["array", "null"], "items": reference(shape, defs) }),
        Ty::TextsOr(shape) => json!({
            "type": ["array", "null"],
            "items": { "anyOf": [text_schema(), reference(shape, defs)] },
        }),
        Ty::Codes => {
            json!({ "type": "array", "items": { "type": "string", "pattern": "^(W[0-9]{3}( .+)?|E03[67] .+)$" } })
        }
    }
}
