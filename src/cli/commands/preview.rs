//! `weekly preview`: the issue's HTML print served on this computer, built again on every save
//! and reloaded in the browser by server-sent events; an issue with errors shows its findings
//! above the last page that was built.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use crate::cli::args::Preview;
use crate::cli::disk::{self, Disk};
use crate::cli::report::{Reporter, Saying, Status};
use crate::cli::watch;
use crate::diag::html;
use crate::load::Loader;
use crate::model::Bulletin;
use crate::msg;
use crate::render::{self, Format, Options};

/// How often an idle event stream says it is there, so that a closed browser tab is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// What is served: the page of the latest build, its number, and its PDF.
#[derive(Default)]
struct Shown {
    build: u64,
    page: String,
    pdf: Option<Vec<u8>>,
}

type Shared = Arc<(Mutex<Shown>, Condvar)>;

pub fn preview(out: &mut Reporter, settings: &Preview) -> anyhow::Result<Status> {
    let server = Server::http(settings.address).said(|| {
        let at = settings.address;
        msg!("cannot serve on {at}", "无法在 {at} 上提供预览")
    })?;
    let url = match server.server_addr().to_ip() {
        Some(SocketAddr::V6(a)) => format!("http://[{}]:{}/", a.ip(), a.port()),
        Some(a) => format!("http://{a}/"),
        None => String::new(),
    };
    let watching = watch::start_for(&settings.file, settings.templates.as_deref())?;
    let shown: Shared = Arc::default();
    let mut last_print = None;
    let fonts = if settings.pdf {
        super::build::fonts(out, &settings.font_path, true, true, false)
    } else {
        Default::default()
    };
    let mut rebuild = |out: &mut Reporter| {
        let (panel, pdf) = build(out, settings, &fonts, &mut last_print);
        let (lock, changed) = &*shown;
        let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
        s.build += 1;
        s.page = html::page(
            last_print.as_deref(),
            &panel,
            s.build,
            settings.pdf,
            out.lang(),
        );
        s.pdf = pdf.or(s.pdf.take());
        changed.notify_all();
    };
    rebuild(out);
    let file = crate::text::quote::path(&settings.file);
    out.note(msg!(
        "previewing `{file}` at {url}; Ctrl-C stops",
        "正在预览 `{file}`：{url}；按 Ctrl-C 结束"
    ));
    if settings.open {
        open(&url);
    }
    let served = shown.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let shown = served.clone();
            std::thread::spawn(move || answer(request, &shown));
        }
    });
    watching.each(|| rebuild(out));
    Ok(Status::Success)
}

/// Builds the issue: its findings reported and made a panel, its HTML print put in `last`
/// (left as it was when this build has errors), and the PDF if asked for.
fn build(
    out: &mut Reporter,
    settings: &Preview,
    fonts: &render::Fonts,
    last: &mut Option<String>,
) -> (String, Option<Vec<u8>>) {
    let disk = Disk::default();
    let loaded = match Loader::new(&disk).load(&settings.file) {
        Ok(loaded) => loaded,
        Err(e) => {
            let e = anyhow::Error::from(e);
            out.error(&e);
            let said = crate::cli::report::error_text(&e, out.lang());
            return (html::failure(&said), None);
        }
    };
    let shown: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| !out.allowed().allows(d.code, None))
        .cloned()
        .collect();
    let panel = html::findings(&loaded.name, &loaded.text, &shown, out.lang());
    let mut pdf = None;
    if let Some(issue) = out.loaded(loaded).and_then(|l| l.issue) {
        let bulletin = Bulletin::new(&issue);
        let typeset = |format| -> anyhow::Result<Vec<u8>> {
            let templates = disk::templates(&disk, format, settings.templates.as_deref())?;
            let options = Options {
                templates,
                width: None,
                fonts: fonts.clone(),
            };
            Ok(render::typeset(&bulletin, format, &options)?.bytes)
        };
        match typeset(Format::Html) {
            Ok(bytes) => *last = Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) => out.error(&e),
        }
        if settings.pdf {
            match typeset(Format::Pdf) {
                Ok(bytes) => pdf = Some(bytes),
                Err(e) => out.error(&e),
            }
        }
    }
    (panel, pdf)
}

/// Answers one request: the page, its events, the PDF.
fn answer(request: Request, shown: &Shared) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::empty(405));
        return;
    }
    let header = |name: &str, value: &str| Header::from_bytes(name, value).ok();
    let (lock, _) = &**shown;
    match request.url() {
        "/" | "/index.html" => {
            let page = lock.lock().unwrap_or_else(|e| e.into_inner()).page.clone();
            let response = Response::from_string(page)
                .with_header(header("Content-Type", "text/html; charset=utf-8").unwrap())
                .with_header(header("Cache-Control", "no-store").unwrap());
            let _ = request.respond(response);
        }
        "/bulletin.pdf" => {
            let pdf = lock.lock().unwrap_or_else(|e| e.into_inner()).pdf.clone();
            let _ = match pdf {
                Some(pdf) => request.respond(
                    Response::from_data(pdf)
                        .with_header(header("Content-Type", "application/pdf").unwrap())
                        .with_header(header("Cache-Control", "no-store").unwrap()),
                ),
                None => request.respond(Response::empty(404)),
            };
        }
        "/events" => events(request, shown),
        _ => {
            let _ = request.respond(Response::empty(404));
        }
    }
}

/// Server-sent events: the number of the latest build at once, then each new one, until the
/// browser goes.
fn events(request: Request, shown: &Shared) {
    let mut to = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if to
        .write_all(head.as_bytes())
        .and_then(|()| to.flush())
        .is_err()
    {
        return;
    }
    let (lock, changed) = &**shown;
    let mut sent = None;
    loop {
        let said = {
            let s = lock.lock().unwrap_or_else(|e| e.into_inner());
            let (s, waited) = changed
                .wait_timeout_while(s, KEEP_ALIVE, |s| Some(s.build) == sent)
                .unwrap_or_else(|e| e.into_inner());
            if waited.timed_out() {
                ": still here\n\n".to_owned()
            } else {
                sent = Some(s.build);
                format!("data: {}\n\n", s.build)
            }
        };
        if to
            .write_all(said.as_bytes())
            .and_then(|()| to.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Opens `url` in the default browser; a browser that cannot be started is no error, since
/// the address is printed.
fn open(url: &str) {
    let mut command = if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/c", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let _ = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
