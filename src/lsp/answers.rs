//! What the server answers: its capabilities, the findings as diagnostics, the fixes as code
//! actions, hovers, completions of keys, and the file `previous:` names.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CompletionItem, CompletionItemKind, CompletionOptions,
    CompletionParams, CompletionResponse, Diagnostic as LspDiagnostic, DiagnosticSeverity,
    Documentation, GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeResult, Location, MarkupContent, MarkupKind, NumberOrString,
    OneOf, Position, PublishDiagnosticsParams, Range, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

use super::doc::Doc;
use super::place::{self, Lines, Units};
use super::{figures, keys};
use crate::diag::allow::Allowed;
use crate::diag::codes::explanation;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::input::schema::Ty;
use crate::issue::Issue;
use crate::issue_file::mend::{Mend, mend};
use crate::msg;

pub fn capabilities(units: Units) -> InitializeResult {
    InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(units.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::FULL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::SOURCE_FIX_ALL,
                ]),
                ..Default::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions::default()),
            definition_provider: Some(OneOf::Left(true)),
            ..Default::default()
        },
        server_info: Some(ServerInfo {
            name: "weekly".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    }
}

pub fn published(uri: Uri, diagnostics: Vec<LspDiagnostic>, version: Option<i32>) -> Message {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    Message::Notification(Notification::new(
        PublishDiagnostics::METHOD.to_owned(),
        params,
    ))
}

fn diagnostic(doc: &Doc, lines: &Lines, d: &Diagnostic, lang: Lang) -> LspDiagnostic {
    let message = match &d.help {
        Some(help) => format!("{}\n{}", d.message.get(lang), help.get(lang)),
        None => d.message.get(lang).to_owned(),
    };
    LspDiagnostic {
        range: lines.range(&doc.span(d)),
        severity: Some(match d.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_owned())),
        source: Some("weekly".to_owned()),
        message,
        ..Default::default()
    }
}

pub fn diagnostics(doc: &Doc, units: Units, lang: Lang) -> Vec<LspDiagnostic> {
    let lines = Lines::new(&doc.text, units);
    doc.found
        .iter()
        .map(|d| diagnostic(doc, &lines, d, lang))
        .collect()
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// What a `previous:` line names.
pub fn previous_link(line: &str) -> Option<&str> {
    let link = line.strip_prefix("previous:")?.split(" #").next()?.trim();
    let link = link.trim_matches(|c| c == '"' || c == '\'');
    (!link.is_empty()).then_some(link)
}

/// One open document as the answers see it, and how to speak to the client.
pub struct View<'a> {
    pub doc: &'a Doc,
    pub units: Units,
    pub lang: Lang,
}

impl View<'_> {
    /// The fixes of the findings in the range asked about, and the fix of every finding of
    /// the file that `weekly check --fix` would make.
    pub fn code_actions(&self, p: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = p.text_document.uri;
        let doc = self.doc;
        let lines = Lines::new(&doc.text, self.units);
        let asked = lines.span(&p.range);
        let wants = |kind: &CodeActionKind| {
            p.context
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
        };
        let mut actions = Vec::new();
        if wants(&CodeActionKind::QUICKFIX) {
            for d in &doc.found {
                let Some(fix) = &d.fix else { continue };
                if !overlaps(&doc.span(d), &asked) {
                    continue;
                }
                let at = fix.span.start + doc.skip..fix.span.end + doc.skip;
                let code = d.code.as_str();
                let title = d
                    .help
                    .as_ref()
                    .map_or_else(|| msg!("fix {code}", "修改 {code}"), |h| (**h).clone());
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("{} ({code})", title.get(self.lang)),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic(doc, &lines, d, self.lang)]),
                    edit: Some(edit(
                        &uri,
                        vec![TextEdit::new(lines.range(&at), fix.with.clone())],
                    )),
                    is_preferred: Some(true),
                    ..Default::default()
                }));
            }
        }
        if wants(&CodeActionKind::SOURCE_FIX_ALL)
            && let Mend::Mended { text, fixed } = mend(&doc.text[doc.skip..], &Allowed::default())
        {
            let n = fixed.len();
            let title = msg!(
                "Fix all {n} findings weekly can fix in this file",
                "修改本文件中可自动修改的全部 {n} 处"
            );
            let whole = lines.range(&(doc.skip..doc.text.len()));
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: title.get(self.lang).to_owned(),
                kind: Some(CodeActionKind::SOURCE_FIX_ALL),
                edit: Some(edit(&uri, vec![TextEdit::new(whole, text)])),
                ..Default::default()
            }));
        }
        actions
    }

    /// On a finding, what its code means and how to mend it (`weekly explain`); on a key,
    /// what the format says of it.
    pub fn hover(&self, p: HoverParams) -> Option<Hover> {
        let at = p.text_document_position_params;
        let doc = self.doc;
        let lines = Lines::new(&doc.text, self.units);
        let offset = lines.offset(at.position);
        let mut codes: Vec<_> = doc
            .found
            .iter()
            .filter(|d| doc.span(d).contains(&offset))
            .map(|d| d.code)
            .collect();
        codes.dedup();
        let figure = doc
            .issue
            .as_ref()
            .filter(|_| codes.is_empty() && offset >= doc.skip)
            .and_then(|issue| figures::hover(issue, &doc.text[doc.skip..], offset - doc.skip));
        let value = if let Some(figure) = figure {
            figure.get(self.lang).to_owned()
        } else if codes.is_empty() {
            let key = keys::key_on(&doc.text, at.position.line as usize)?;
            match self.lang {
                Lang::En => format!("`{}`: {}", key.name, key.en),
                Lang::Zh => format!("`{}`：{}", key.name, key.zh),
            }
        } else {
            let explained: Vec<String> = codes.iter().map(|c| explanation(*c, self.lang)).collect();
            explained.join("\n---\n\n")
        };
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: None,
        })
    }

    /// After `name:`, `unit:` or `dept:`, the values the series has used; elsewhere the keys
    /// of the format the mapping at the cursor may have and has not yet.
    pub fn complete(
        &self,
        p: CompletionParams,
        series: impl FnOnce() -> Vec<Issue>,
    ) -> Option<CompletionResponse> {
        let at = p.text_document_position;
        let doc = self.doc;
        let lines = Lines::new(&doc.text, self.units);
        let offset = lines.offset(at.position);
        let line_start = doc.text[..offset].rfind('\n').map_or(0, |n| n + 1);
        if let Some(key) = figures::value_key(&doc.text[line_start..offset]) {
            let items = figures::values(&series(), key)
                .into_iter()
                .map(|v| CompletionItem {
                    label: v,
                    kind: Some(CompletionItemKind::VALUE),
                    ..Default::default()
                })
                .collect();
            return Some(CompletionResponse::Array(items));
        }
        let place = keys::place(&doc.text, at.position.line as usize)?;
        let indent = " ".repeat(
            doc.text
                .split_inclusive('\n')
                .nth(at.position.line as usize)
                .map_or(0, |l| l.len() - l.trim_start_matches([' ', '-']).len()),
        );
        let items = place
            .shape
            .keys
            .iter()
            .filter(|k| !place.present.iter().any(|p| p == k.name))
            .map(|k| {
                let insert = match k.ty {
                    Ty::Map(_) => format!("{}:\n{indent}  ", k.name),
                    Ty::List(_) | Ty::TextsOr(_) => format!("{}:\n{indent}  - ", k.name),
                    _ => format!("{}: ", k.name),
                };
                let what = match self.lang {
                    Lang::En => k.en,
                    Lang::Zh => k.zh,
                };
                CompletionItem {
                    label: k.name.to_owned(),
                    kind: Some(CompletionItemKind::PROPERTY),
                    detail: Some(what.to_owned()),
                    documentation: Some(Documentation::String(what.to_owned())),
                    insert_text: Some(insert),
                    ..Default::default()
                }
            })
            .collect();
        Some(CompletionResponse::Array(items))
    }

    /// On the `previous:` line, the file it names.
    pub fn definition(
        &self,
        p: GotoDefinitionParams,
        resolve: impl FnOnce(&Path) -> Option<PathBuf>,
    ) -> Option<GotoDefinitionResponse> {
        let at = p.text_document_position_params;
        let doc = self.doc;
        let line = doc
            .text
            .split_inclusive('\n')
            .nth(at.position.line as usize)?;
        let link = previous_link(line)?;
        let path = crate::load::beside(&doc.path, link);
        let path = resolve(&path)?;
        let start = Position::new(0, 0);
        Some(GotoDefinitionResponse::Scalar(Location::new(
            place::uri_of(&path)?,
            Range::new(start, start),
        )))
    }
}
