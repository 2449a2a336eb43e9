//! `weekly lsp` spoken to as an editor speaks to it, over the real binary's stdin and stdout:
//! the findings of `weekly check` as diagnostics, their fixes, hovers, completions, the way
//! to the previous issue, and a client that breaks the protocol.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use serde_json::{Value, json};

use crate::util::*;

/// An editor's end of the conversation.
struct Client {
    child: Child,
    to: Option<ChildStdin>,
    from: Receiver<Value>,
    next_id: i64,
}

/// How long a test waits for the server's next message before it fails.
const PATIENCE: Duration = Duration::from_secs(30);

impl Client {
    fn start() -> Client {
        let mut child = weekly().args(["lsp"]).talk();
        let to = child.stdin.take();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, from) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    assert!(line.ends_with("\r\n"), "a header line: {line:?}");
                    match line.trim_end().split_once(": ") {
                        Some(("Content-Length", n)) => length = Some(n.parse().unwrap()),
                        Some(_) => {}
                        None => break,
                    }
                }
                let mut body = vec![0; length.expect("Content-Length")];
                stdout.read_exact(&mut body).unwrap();
                if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            to,
            from,
            next_id: 0,
        }
    }

    /// A client started and initialized with `options` and `capabilities`.
    fn initialized(options: Value, capabilities: Value) -> Client {
        let mut c = Client::start();
        let answer = c.request(
            "initialize",
            json!({ "capabilities": capabilities, "initializationOptions": options }),
        );
        assert_eq!(answer["result"]["serverInfo"]["name"], "weekly", "{answer}");
        c.notify("initialized", json!({}));
        c
    }

    fn send_raw(&mut self, body: &str) {
        let to = self.to.as_mut().unwrap();
        write!(to, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        to.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let m = json!({ "jsonrpc": "2.0", "method": method, "params": params });
        self.send_raw(&m.to_string());
    }

    /// Sends a request and returns its response, setting aside the notifications before it.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let m = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        self.send_raw(&m.to_string());
        loop {
            let m = self.receive();
            if m["id"] == id {
                return m;
            }
        }
    }

    fn receive(&mut self) -> Value {
        match self.from.recv_timeout(PATIENCE) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => panic!("no message from the server"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server ended"),
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let m = self.receive();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        let doc = json!({ "uri": uri, "languageId": "yaml", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": doc }));
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
        self.diagnostics(uri)
    }

    /// Shuts the server down and returns its exit code.
    fn shut_down(mut self) -> i32 {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        self.notify("exit", Value::Null);
        self.end()
    }

    fn end(mut self) -> i32 {
        drop(self.to.take());
        let status = self.child.wait().unwrap();
        status.code().unwrap()
    }
}

/// The `file:` URI of an absolute path, as an editor writes it.
fn uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    let path = path.to_str().unwrap();
    let path = path
        .strip_prefix(r"\\?\")
        .unwrap_or(path)
        .replace('\\', "/");
    if !path.starts_with('/') {
        uri.push('/');
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// The example series' 第 40 期 with `item` as the only item of its hall news.
fn issue_with(item: &str) -> String {
    let example = fs::read_to_string(root().join("examples/2023-40.yaml")).unwrap();
    example.replace(
        "  - title: 大厅工作动态\n    items: []",
        &format!("  - title: 大厅工作动态\n    items:\n      - {item}"),
    )
}

/// The line and UTF-16 column of the first `what` in `text`.
fn position(text: &str, what: &str) -> Value {
    let at = text.find(what).unwrap();
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let character: usize = text[start..at].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

/// `text` with the edits of a code action's `edit` for `uri` applied (non-overlapping, as
/// the protocol has them).
fn applied(text: &str, action: &Value, uri: &str) -> String {
    let mut edits = action["edit"]["changes"][uri].as_array().unwrap().clone();
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = p["character"].as_u64().unwrap() as usize;
        let mut at = start;
        for c in text[start..].chars() {
            if units == 0 || c == '\n' {
                break;
            }
            units -= c.len_utf16();
            at += c.len_utf8();
        }
        at
    };
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut text = text.to_owned();
    for e in edits {
        let span = offset(&e["range"]["start"])..offset(&e["range"]["end"]);
        text.replace_range(span, e["newText"].as_str().unwrap());
    }
    text
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

/// Whether `found` is what `weekly check` reports of `text` saved at `path`: the same codes
/// at the same lines with the same messages and help.
fn assert_same_as_check(path: &Path, text: &str, found: &[Value]) {
    fs::write(path, text).unwrap();
    let check = weekly()
        .args(["check", "--message-format", "json"])
        .arg(path)
        .run();
    let reported: Vec<(String, u64, String)> = check
        .stdout_text()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let said = match v["help"].as_str() {
                Some(help) => format!("{}\n{help}", v["message"].as_str().unwrap()),
                None => v["message"].as_str().unwrap().to_owned(),
            };
            (
                v["code"].as_str().unwrap().to_owned(),
                v["line"].as_u64().unwrap() - 1,
                said,
            )
        })
        .collect();
    let published: Vec<(String, u64, String)> = found
        .iter()
        .map(|d| {
            let code = d["code"].as_str().unwrap().to_owned();
            let line = d["range"]["start"]["line"].as_u64().unwrap();
            (code, line, d["message"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(published, reported);
}

#[test]
fn findings_come_as_the_clerk_types_and_go_with_their_fix() {
    let dir = series_copy();
    let path = dir.path().join("2023-40.yaml");
    let example = fs::read_to_string(root().join("examples/2023-40.yaml")).unwrap();
    fs::write(&path, &example).unwrap();
    let uri = uri(&path);
    let mut c = Client::initialized(json!({}), json!({}));
    // The example, followed from 2023-39.yaml beside it on the disk, has nothing to say.
    assert_eq!(c.open(&uri, &example), Vec::<Value>::new());
    // A paragraph typed with a full-width indent: the finding `weekly check` reports, where
    // it reports it, in UTF-16 columns, the help under the message.
    let typed = issue_with("\u{3000}\u{3000}本周，完成𠀀轮训。");
    let found = c.change(&uri, 2, &typed);
    assert_eq!(codes(&found), ["W026"], "{found:?}");
    let start = position(&typed, "\u{3000}\u{3000}本周");
    let mut end = start.clone();
    end["character"] = json!(start["character"].as_u64().unwrap() + 2);
    assert_eq!(found[0]["range"], json!({ "start": start, "end": end }));
    assert_eq!(found[0]["severity"], 2);
    assert_eq!(found[0]["source"], "weekly");
    assert_same_as_check(&path, &typed, &found);
    // Its fix, and the fix of the whole file, each mending it.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": start, "end": start },
            "context": { "diagnostics": found },
        }),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let kinds: Vec<&str> = actions
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["quickfix", "source.fixAll"], "{actions:?}");
    let mended = issue_with("本周，完成𠀀轮训。");
    for action in &actions {
        assert_eq!(applied(&typed, action, &uri), mended, "{action}");
    }
    assert_eq!(c.change(&uri, 3, &mended), Vec::<Value>::new());
    // An IME slip that breaks the YAML, found at its line, and its fix.
    let slipped = mended.replace("  publisher: ", "  publisher：");
    let found = c.change(&uri, 4, &slipped);
    assert_eq!(codes(&found), ["E001"], "{found:?}");
    assert_eq!(found[0]["range"]["start"], position(&slipped, "："));
    assert_same_as_check(&path, &slipped, &found);
    let at = position(&slipped, "：");
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": at, "end": at },
            "context": { "diagnostics": found, "only": ["quickfix"] },
        }),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(applied(&slipped, &actions[0], &uri), mended);
    assert_eq!(c.shut_down(), 0);
}

#[test]
fn the_clerks_language_is_spoken() {
    let dir = series_copy();
    let path = dir.path().join("2023-40.yaml");
    let uri = uri(&path);
    let typed = issue_with("\u{3000}\u{3000}本周，完成轮训。");
    for (params, message) in [
        (
            json!({ "initializationOptions": { "lang": "zh" } }),
            "会印成多余的缩进",
        ),
        (
            json!({ "initializationOptions": { "lang": "en" } }),
            "begins with",
        ),
        // The editor's own locale, where no option says otherwise.
        (json!({ "locale": "zh-cn" }), "会印成多余的缩进"),
        (
            json!({ "locale": "zh-cn", "initializationOptions": { "lang": "en" } }),
            "begins with",
        ),
    ] {
        let mut c = Client::start();
        let mut params = params;
        params["capabilities"] = json!({});
        c.request("initialize", params);
        c.notify("initialized", json!({}));
        let found = c.open(&uri, &typed);
        let said = found[0]["message"].as_str().unwrap();
        assert!(said.contains(message), "{said}");
        assert_eq!(c.shut_down(), 0);
    }
}

/// The labels and texts of the completions at `line` and `character`.
fn complete(c: &mut Client, uri: &str, line: usize, character: usize) -> Vec<(String, String)> {
    let asked = json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } });
    let items = c.request("textDocument/completion", asked);
    items["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let label = i["label"].as_str().unwrap().to_owned();
            let text = i["insertText"].as_str().unwrap_or(&label).to_owned();
            (label, text)
        })
        .collect()
}

#[test]
fn hovers_completions_and_the_previous_issue() {
    let dir = series_copy();
    let path = dir.path().join("2023-40.yaml");
    let uri = uri(&path);
    let typed = issue_with("\u{3000}本周，完成轮训。");
    // UTF-8 positions when the client offers them.
    let mut c = Client::initialized(
        json!({ "lang": "zh" }),
        json!({ "general": { "positionEncodings": ["utf-16", "utf-8"] } }),
    );
    c.open(&uri, &typed);
    let at = |what: &str| {
        let at = typed.find(what).unwrap();
        let line = typed[..at].matches('\n').count();
        let start = typed[..at].rfind('\n').map_or(0, |n| n + 1);
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": at - start } })
    };
    let hover = c.request("textDocument/hover", at("\u{3000}本周"));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.starts_with("W026："), "{shown}");
    let hover = c.request("textDocument/hover", at("publisher"));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.starts_with("`publisher`："), "{shown}");
    let definition = c.request("textDocument/definition", at("previous: 2023-39.yaml"));
    let target = fs::canonicalize(dir.path().join("2023-39.yaml")).unwrap();
    assert_eq!(
        definition["result"]["uri"],
        self::uri(&target),
        "{definition}"
    );
    // On a counter, the sentence the build prints, and its year to date as computed.
    fs::write(&path, &typed).unwrap();
    let built = weekly()
        .args(["build", "2023-40.yaml"])
        .current_dir(dir.path())
        .run();
    let printed = built
        .stdout_text()
        .lines()
        .find(|l| l.starts_with("本周，共计"))
        .unwrap()
        .to_owned();
    let hover = c.request("textDocument/hover", at("name: 受理"));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(
        shown,
        format!(
            "印出：{printed}\n\n今年以来累计受理 15800 件（由上一期推算：此前累计 15288，加本周 512）"
        )
    );
    // The keys a mapping lacks: the period's end, the issue's `lint`.
    let blanked = typed
        .replace("    end: 2023-10-20\n", "    \n")
        .replace("\nfooter:", "\n\nfooter:");
    c.change(&uri, 2, &blanked);
    let line_of = |what: &str| blanked[..blanked.find(what).unwrap()].matches('\n').count();
    let end = [("end".to_owned(), "end: ".to_owned())];
    assert_eq!(complete(&mut c, &uri, line_of("    start:") + 1, 4), end);
    let lint = [("lint".to_owned(), "lint:\n  ".to_owned())];
    assert_eq!(complete(&mut c, &uri, line_of("\nfooter:"), 0), lint);
    // After `name:` and `unit:`, what the series has used, each once.
    let typing = blanked.replace(
        "          - { name: 流转, unit: 件, week: 15102 }\n",
        "          - { name: 流转, unit: 件, week: 15102 }\n          - { name: \n",
    );
    c.change(&uri, 3, &typing);
    let line = typing[..typing.find("{ name: \n").unwrap()]
        .matches('\n')
        .count();
    let end = "          - { name: ".len();
    let names: Vec<String> = complete(&mut c, &uri, line, end)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(names, ["咨询", "受理", "颁发", "流转"]);
    assert_eq!(c.shut_down(), 0);
}

#[test]
fn a_client_that_breaks_the_protocol_gets_errors() {
    let mut c = Client::start();
    let early = c.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    let mut c = {
        c.request("initialize", json!({ "capabilities": {} }));
        c
    };
    c.send_raw("{not json");
    let answer = c.receive();
    assert_eq!(answer["error"]["code"], -32700, "{answer}");
    assert_eq!(answer["id"], Value::Null);
    let odd = c.request("weekly/odd", json!({}));
    assert_eq!(odd["error"]["code"], -32601, "{odd}");
    let bad = c.request("textDocument/hover", json!({ "textDocument": 5 }));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    // A document over the input cap is refused as `weekly check` refuses the file.
    let huge = format!("# {}\n", "周".repeat(1_500_000));
    assert_eq!(codes(&c.open("file:///tmp/huge.yaml", &huge)), ["E017"]);
    // Still serving.
    assert_eq!(c.shut_down(), 0);
    // `exit` without `shutdown`, and a client gone without either.
    let mut c = Client::initialized(json!({}), json!({}));
    c.notify("exit", Value::Null);
    assert_eq!(c.end(), 1);
    let c = Client::initialized(json!({}), json!({}));
    assert_eq!(c.end(), 1);
}
