//! `weekly lsp`: the Language Server Protocol over messages, with no I/O of its own. The open
//! documents are checked as `weekly check` checks files (the series followed through
//! `previous:` on the [`Files`] the caller supplies), and what it found is answered with
//! diagnostics, quick fixes, hovers, completions and the way to the previous issue.

mod answers;
mod doc;
mod figures;
mod keys;
pub mod place;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionParams, CompletionParams, GotoDefinitionParams, HoverParams, InitializeParams,
    InitializeResult, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::check::validate::Lints;
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::input::files::{Files, MAX_INPUT_BYTES, ReadError};
use crate::issue::Issue;
use crate::load::Loader;
use answers::View;
use doc::Doc;
use place::Units;

/// How many issues before an open one are read for the names and units to complete: a
/// quarter's worth.
const SERIES_READ: usize = 13;

/// Where the conversation with the client is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Starting,
    Running,
    ShutDown,
}

/// The server: the documents open in the client, and how it speaks to it.
pub struct Server<F> {
    files: F,
    lang: Lang,
    units: Units,
    stage: Stage,
    docs: HashMap<Uri, Doc>,
    /// The exit code once the client has said `exit`: 0 after `shutdown`, 1 without.
    exit: Option<u8>,
}

impl<F: Files> Server<F> {
    /// A server reading previous issues from `files`, speaking `lang` until the client asks
    /// for another language.
    pub fn new(files: F, lang: Lang) -> Server<F> {
        Server {
            files,
            lang,
            units: Units::Utf16,
            stage: Stage::Starting,
            docs: HashMap::new(),
            exit: None,
        }
    }

    /// The exit code, once the client has said `exit`.
    pub fn exit(&self) -> Option<u8> {
        self.exit
    }

    /// The messages to send in answer to `message`.
    pub fn handle(&mut self, message: Message) -> Vec<Message> {
        match message {
            Message::Request(r) => vec![Message::Response(self.request(r))],
            Message::Notification(n) => self.notification(n),
            Message::Response(_) => Vec::new(),
        }
    }

    fn request(&mut self, r: Request) -> Response {
        let id = r.id.clone();
        let answer = match (self.stage, r.method.as_str()) {
            (Stage::Starting, req::Initialize::METHOD) => {
                params(r).map(|p| json(self.initialize(p)))
            }
            (Stage::Starting, _) => Err((
                ErrorCode::ServerNotInitialized,
                "the server is not initialized".into(),
            )),
            (Stage::ShutDown, _) => {
                Err((ErrorCode::InvalidRequest, "the server is shut down".into()))
            }
            (_, req::Shutdown::METHOD) => {
                self.stage = Stage::ShutDown;
                Ok(Value::Null)
            }
            (_, req::Initialize::METHOD) => Err((
                ErrorCode::InvalidRequest,
                "the server is initialized already".into(),
            )),
            (_, req::CodeActionRequest::METHOD) => params(r).map(|p: CodeActionParams| {
                let uri = p.text_document.uri.clone();
                json(
                    self.view(&uri)
                        .map(|v| v.code_actions(p))
                        .unwrap_or_default(),
                )
            }),
            (_, req::HoverRequest::METHOD) => params(r).map(|p: HoverParams| {
                let uri = p.text_document_position_params.text_document.uri.clone();
                json(self.view(&uri).and_then(|v| v.hover(p)))
            }),
            (_, req::Completion::METHOD) => params(r).map(|p: CompletionParams| {
                let uri = p.text_document_position.text_document.uri.clone();
                let view = self.view(&uri);
                json(view.and_then(|v| v.complete(p, || self.series(v.doc))))
            }),
            (_, req::GotoDefinition::METHOD) => params(r).map(|p: GotoDefinitionParams| {
                let uri = p.text_document_position_params.text_document.uri.clone();
                let resolve = |path: &Path| self.files.resolve(path).ok();
                json(self.view(&uri).and_then(|v| v.definition(p, resolve)))
            }),
            (_, method) => Err((ErrorCode::MethodNotFound, format!("no method `{method}`"))),
        };
        match answer {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn initialize(&mut self, p: InitializeParams) -> InitializeResult {
        self.stage = Stage::Running;
        let asked = p
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("lang"))
            .and_then(Value::as_str)
            .or(p.locale.as_deref());
        if let Some(asked) = asked {
            self.lang = if asked.starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            };
        }
        let offered = p
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        self.units = Units::choose(offered);
        answers::capabilities(self.units)
    }

    fn notification(&mut self, n: Notification) -> Vec<Message> {
        if n.method == note::Exit::METHOD {
            self.exit = Some(if self.stage == Stage::ShutDown { 0 } else { 1 });
            return Vec::new();
        }
        if self.stage != Stage::Running {
            return Vec::new();
        }
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidOpenTextDocumentParams>(n) else {
                    return Vec::new();
                };
                let d = p.text_document;
                let path = place::path_of(&d.uri).unwrap_or_else(|| PathBuf::from(d.uri.as_str()));
                let doc = Doc {
                    path,
                    text: d.text,
                    version: d.version,
                    found: Vec::new(),
                    issue: None,
                    skip: 0,
                };
                self.docs.insert(d.uri, doc);
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidChangeTextDocumentParams>(n) else {
                    return Vec::new();
                };
                let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
                    return Vec::new();
                };
                for change in p.content_changes {
                    match change.range {
                        Some(range) => {
                            let span = place::Lines::new(&doc.text, self.units).span(&range);
                            doc.text.replace_range(span, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                doc.version = p.text_document.version;
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidCloseTextDocumentParams>(n) else {
                    return Vec::new();
                };
                if self.docs.remove(&p.text_document.uri).is_none() {
                    return Vec::new();
                }
                let closed = answers::published(p.text_document.uri, Vec::new(), None);
                // The documents that follow it read it from the disk now.
                let mut out = vec![closed];
                out.extend(self.check_all());
                return out;
            }
            note::DidSaveTextDocument::METHOD => {}
            _ => return Vec::new(),
        }
        self.check_all()
    }

    /// Checks every open document (an edit to one changes what those after it find) and
    /// publishes what was found.
    fn check_all(&mut self) -> Vec<Message> {
        let checked: Vec<(Uri, Checked)> = self
            .docs
            .iter()
            .map(|(uri, doc)| (uri.clone(), self.check(doc)))
            .collect();
        let mut out = Vec::with_capacity(checked.len());
        for (uri, checked) in checked {
            let Some(doc) = self.docs.get_mut(&uri) else {
                continue;
            };
            (doc.found, doc.issue, doc.skip) = checked;
            let diagnostics = answers::diagnostics(doc, self.units, self.lang);
            out.push(answers::published(uri, diagnostics, Some(doc.version)));
        }
        out
    }

    /// What `weekly check` finds in `doc`, read with the other open documents as the editor
    /// holds them and every other file from `files`; the issue if it is valid; and the bytes
    /// the spans skip.
    fn check(&self, doc: &Doc) -> Checked {
        let skip = if doc.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        match Loader::new(self.open()).load(&doc.path) {
            Ok(loaded) => (loaded.diagnostics, loaded.issue, skip),
            Err(_) => (Vec::new(), None, skip),
        }
    }

    /// The issue of `doc` if valid, and those before it that `previous:` leads to: what the
    /// series has used, to complete.
    fn series(&self, doc: &Doc) -> Vec<Issue> {
        let mut issues: Vec<Issue> = doc.issue.iter().cloned().collect();
        let open = self.open();
        let mut path = doc.path.clone();
        let mut text = doc.text.clone();
        for _ in 0..SERIES_READ {
            let Some(link) = text.lines().find_map(answers::previous_link) else {
                break;
            };
            path = crate::load::beside(&path, link);
            let Ok(bytes) = open.read(&path, MAX_INPUT_BYTES) else {
                break;
            };
            let Ok((read, checked)) = crate::load::check(&bytes, Lints::Off) else {
                break;
            };
            text = read.to_owned();
            issues.extend(checked.issue);
        }
        issues
    }

    /// An open document, as the answers see it.
    fn view(&self, uri: &Uri) -> Option<View<'_>> {
        let doc = self.docs.get(uri)?;
        Some(View {
            doc,
            units: self.units,
            lang: self.lang,
        })
    }

    /// The files with the open documents as the editor holds them.
    fn open(&self) -> Open<'_, F> {
        Open {
            files: &self.files,
            docs: &self.docs,
        }
    }
}

/// What checking a document found, the issue if valid, and the bytes the spans skip.
type Checked = (Vec<Diagnostic>, Option<Issue>, usize);

/// The files as the editor sees them: an open document's text in place of its file.
struct Open<'a, F> {
    files: &'a F,
    docs: &'a HashMap<Uri, Doc>,
}

impl<F: Files> Open<'_, F> {
    fn doc(&self, path: &Path) -> Option<&Doc> {
        let resolved = self.files.resolve(path).ok();
        self.docs
            .values()
            .find(|d| d.path == path || resolved.as_deref() == Some(&d.path))
    }
}

impl<F: Files> Files for Open<'_, F> {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        match self.doc(path) {
            Some(doc) if doc.text.len() as u64 > limit.min(MAX_INPUT_BYTES) => {
                Err(ReadError::TooLarge)
            }
            Some(doc) => Ok(doc.text.as_bytes().to_vec()),
            None => self.files.read(path, limit),
        }
    }

    fn resolve(&self, path: &Path) -> std::io::Result<PathBuf> {
        self.files.resolve(path).or_else(|e| {
            self.docs
                .values()
                .find(|d| d.path == path)
                .map(|d| d.path.clone())
                .ok_or(e)
        })
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        self.files.list(dir)
    }
}

/// A request's or notification's parameters, or the error that says they are not those of
/// its method.
fn params<T: DeserializeOwned>(m: impl Into<Params>) -> Result<T, (ErrorCode, String)> {
    let Params(method, value) = m.into();
    serde_json::from_value(value).map_err(|e| {
        (
            ErrorCode::InvalidParams,
            format!("the parameters of `{method}` are not as the protocol has them: {e}"),
        )
    })
}

fn json(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

struct Params(String, Value);

impl From<Request> for Params {
    fn from(r: Request) -> Params {
        Params(r.method, r.params)
    }
}

impl From<Notification> for Params {
    fn from(n: Notification) -> Params {
        Params(n.method, n.params)
    }
}
