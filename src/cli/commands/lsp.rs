//! `weekly lsp`: the language server on standard input and output, a message at a time, each
//! framed by its `Content-Length` header and read within a cap.

use std::io::{self, BufRead, Read, Write};

use lsp_server::Message;

use crate::cli::disk::Disk;
use crate::cli::report::{Reporter, Saying, Status};
use crate::lsp::Server;
use crate::msg;

/// The largest message read: a document at the input cap with every character escaped in
/// JSON (`\u4e00` for the three bytes of 一) is 8 MiB.
const MAX_MESSAGE: u64 = 16 << 20;

/// The longest header line read: the protocol has two short headers.
const MAX_HEADER: u64 = 1024;

/// What came in.
#[derive(Debug)]
enum Incoming {
    Message(Message),
    /// A message whose body is not JSON-RPC, or too large to read: answered with an error.
    Unreadable(String),
}

pub fn lsp(out: &mut Reporter) -> anyhow::Result<Status> {
    let disk = Disk::default();
    let mut server = Server::new(&disk, out.lang());
    let mut input = io::stdin().lock();
    let mut output = io::stdout().lock();
    let cannot_write = || msg!("cannot write to the editor", "无法向编辑器发送消息");
    loop {
        let incoming = read(&mut input).said(|| {
            msg!(
                "cannot read the editor's message",
                "无法读取编辑器发来的消息"
            )
        })?;
        match incoming {
            None => {
                out.note(msg!(
                    "the editor closed the connection without `exit`",
                    "编辑器未发送 `exit` 就关闭了连接"
                ));
                return Ok(Status::Invalid);
            }
            Some(Incoming::Message(m)) => {
                for reply in server.handle(m) {
                    reply.write(&mut output).said(cannot_write)?;
                }
            }
            Some(Incoming::Unreadable(why)) => {
                let body = serde_json::json!({
                    "jsonrpc": "2.0",
                    "id": null,
                    "error": { "code": -32700, "message": why },
                })
                .to_string();
                write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())
                    .and_then(|()| output.flush())
                    .said(cannot_write)?;
            }
        }
        if let Some(code) = server.exit() {
            return Ok(if code == 0 {
                Status::Success
            } else {
                Status::Invalid
            });
        }
    }
}

/// The next message, `None` at the end of the input. A header that breaks the framing is an
/// error, as nothing after it can be found; a body that is not a message is `Unreadable`.
fn read(input: &mut impl BufRead) -> io::Result<Option<Incoming>> {
    let bad = |what: String| io::Error::new(io::ErrorKind::InvalidData, what);
    let mut length = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = input
            .by_ref()
            .take(MAX_HEADER)
            .read_until(b'\n', &mut line)?;
        if n == 0 && length.is_none() && line.is_empty() {
            return Ok(None);
        }
        let Some(header) = line.strip_suffix(b"\r\n") else {
            let shown = String::from_utf8_lossy(&line).into_owned();
            return Err(bad(format!(
                "a header line that does not end in CRLF: {shown:?}"
            )));
        };
        if header.is_empty() {
            break;
        }
        let header = String::from_utf8_lossy(header);
        let (name, value) = header
            .split_once(':')
            .ok_or_else(|| bad(format!("a header without `:`: {header:?}")))?;
        if name.trim().eq_ignore_ascii_case("content-length") {
            let value = value.trim();
            length =
                Some(value.parse::<u64>().map_err(|_| {
                    bad(format!("a Content-Length that is not a number: {value:?}"))
                })?);
        }
    }
    let length = length.ok_or_else(|| bad("a message without Content-Length".into()))?;
    if length > MAX_MESSAGE {
        io::copy(&mut input.by_ref().take(length), &mut io::sink())?;
        let mib = MAX_MESSAGE >> 20;
        return Ok(Some(Incoming::Unreadable(format!(
            "a message of {length} bytes, over the {mib} MiB weekly reads"
        ))));
    }
    let mut body = Vec::with_capacity(length as usize);
    input.by_ref().take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(match serde_json::from_slice(&body) {
        Ok(m) => Incoming::Message(m),
        Err(e) => Incoming::Unreadable(format!("not a JSON-RPC message: {e}")),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn messages_are_read_one_by_one_within_the_cap() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let text = format!(
            "{}{}content-length:{}\r\nContent-Type: x\r\n\r\n{ok}",
            framed(ok),
            framed("{not json"),
            ok.len()
        );
        let mut input = text.as_bytes();
        let kinds: Vec<bool> = (0..3)
            .map(|_| matches!(read(&mut input).unwrap(), Some(Incoming::Message(_))))
            .collect();
        assert_eq!(kinds, [true, false, true]);
        assert!(read(&mut input).unwrap().is_none());
        // Over the cap: skipped, and said.
        let big = format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE + 1);
        let mut input = big.as_bytes().chain(io::repeat(b' ').take(MAX_MESSAGE + 1));
        let mut input = io::BufReader::new(&mut input);
        assert!(matches!(
            read(&mut input).unwrap(),
            Some(Incoming::Unreadable(why)) if why.contains("over the 16 MiB")
        ));
        assert!(read(&mut input).unwrap().is_none());
    }

    #[test]
    fn a_broken_frame_is_an_error() {
        for text in [
            "Content-Length: 5\n\n{}",
            "Content-Length 5\r\n\r\n",
            "Content-Length: -1\r\n\r\n",
            "\r\n{}",
            "Content-Length: 10\r\n\r\n{}",
        ] {
            assert!(read(&mut text.as_bytes()).is_err(), "{text:?}");
        }
        let long = "X".repeat(4096);
        assert!(read(&mut long.as_bytes()).is_err());
    }
}
