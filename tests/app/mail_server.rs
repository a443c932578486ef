//! A real SMTP server for the mail tests (mailin-embedded on 127.0.0.1), what it received,
//! and just enough MIME decoding to read the parts.

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use mailin_embedded::{Handler, Response, Server, SslConfig, response};
use passerelle::mail::messages::address_verification;
use passerelle::mail::{Recipient, WorkerConfig, enqueue};
use passerelle::store::Db;

/// One message as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    /// Envelope recipients.
    pub to: Vec<String>,
    /// The raw message (headers and body, CRLF line ends).
    pub raw: String,
}

#[derive(Clone)]
struct Capture {
    inbox: Arc<Mutex<Vec<Received>>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Capture {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let raw = String::from_utf8_lossy(&self.data).into_owned();
        self.inbox.lock().unwrap().push(Received {
            to: std::mem::take(&mut self.to),
            raw,
        });
        response::OK
    }
}

/// A running SMTP server; its thread lives until the test process ends.
pub struct SmtpServer {
    /// The port it listens on.
    pub port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
}

/// A port nothing listens on (bound, then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl SmtpServer {
    /// Starts a server on a free port.
    pub fn start() -> SmtpServer {
        Self::start_on(0)
    }

    /// Starts a server on `port` (0: any free port).
    pub fn start_on(port: u16) -> SmtpServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the SMTP port");
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let mut server = Server::new(Capture {
            inbox: inbox.clone(),
            to: Vec::new(),
            data: Vec::new(),
        });
        server
            .with_name("test.localhost")
            .with_num_threads(32)
            .with_ssl(SslConfig::None)
            .unwrap()
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpServer { port, inbox }
    }

    /// The SMTP URL of this server, as `PASSERELLE_SMTP_URL` would give it.
    pub fn url(&self) -> String {
        smtp_url(self.port)
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// Waits until at least `n` messages arrived (panics after `limit`).
    pub async fn wait_for(&self, n: usize, limit: Duration) -> Vec<Received> {
        let deadline = Instant::now() + limit;
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "only {} of {n} messages arrived within {limit:?}",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// The SMTP URL of a local port.
pub fn smtp_url(port: u16) -> String {
    format!("smtp://127.0.0.1:{port}")
}

/// Splits a header block into (lower-cased name, unfolded value) pairs.
fn headers(block: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in block.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_lowercase(), value.trim().to_string()));
        }
    }
    out
}

impl Received {
    /// A top-level header's value.
    pub fn header(&self, name: &str) -> Option<String> {
        let block = self.raw.split("\r\n\r\n").next().unwrap_or("");
        headers(block)
            .into_iter()
            .find(|(n, _)| n == &name.to_lowercase())
            .map(|(_, v)| v)
    }

    /// The decoded parts of a multipart message, by content type (e.g. "text/plain").
    pub fn parts(&self) -> HashMap<String, String> {
        let content_type = self.header("content-type").unwrap_or_default();
        let boundary = content_type
            .split("boundary=")
            .nth(1)
            .expect("a multipart message")
            .trim_matches('"')
            .to_string();
        let mut out = HashMap::new();
        for chunk in self.raw.split(&format!("--{boundary}")).skip(1) {
            let Some((head, body)) = chunk.split_once("\r\n\r\n") else {
                continue;
            };
            let h = headers(head);
            let get = |n: &str| h.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
            let Some(ct) = get("content-type") else {
                continue;
            };
            let kind = ct.split(';').next().unwrap().trim().to_lowercase();
            let body = body.trim_end_matches("\r\n");
            let text = match get("content-transfer-encoding").as_deref() {
                Some("base64") => {
                    let joined: String = body.split_whitespace().collect();
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(joined)
                        .unwrap();
                    String::from_utf8(bytes).unwrap()
                }
                Some("quoted-printable") => decode_qp(body),
                _ => body.to_string(),
            };
            out.insert(kind, text.replace("\r\n", "\n"));
        }
        out
    }
}

fn decode_qp(body: &str) -> String {
    let joined = body.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) in a header value.
pub fn decode_header(value: &str) -> String {
    let mut out = String::new();
    let mut previous_encoded = false;
    for word in value.split_whitespace() {
        let parts: Vec<&str> = word.split('?').collect();
        let encoded = parts.len() == 5 && parts[0] == "=" && parts[4] == "=";
        // Spaces between two encoded words are not part of the text.
        if !(out.is_empty() || (encoded && previous_encoded)) {
            out.push(' ');
        }
        if encoded {
            let bytes = match parts[2].to_ascii_lowercase().as_str() {
                "b" => base64::engine::general_purpose::STANDARD
                    .decode(parts[3])
                    .unwrap(),
                _ => decode_qp(&parts[3].replace('_', " ")).into_bytes(),
            };
            out.push_str(&String::from_utf8(bytes).unwrap());
        } else {
            out.push_str(word);
        }
        previous_encoded = encoded;
    }
    out
}

/// Worker pacing for tests: quick polls, backoff of 1–2 s, practically unlimited attempts.
pub fn fast_config() -> WorkerConfig {
    WorkerConfig {
        batch_size: 20,
        concurrency: 4,
        lease_secs: 60,
        send_timeout: Duration::from_secs(30),
        poll_interval: Duration::from_millis(100),
        backoff_base_secs: 1,
        backoff_cap_secs: 2,
        max_attempts: 1000,
        digest_check_interval: Duration::from_secs(3600),
    }
}

/// Enqueues `n` verification messages in one transaction; returns their ids.
pub async fn enqueue_many(db: &Db, n: usize, tag: &str) -> Vec<i64> {
    let mut tx = db.pool.begin().await.unwrap();
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let to = Recipient::new(&format!("user{i}@example.org"), "fr", None);
        let msg = address_verification(&to, &format!("https://passerelle.test/verify/{tag}-{i}"));
        ids.push(
            enqueue(&mut tx, &msg)
                .await
                .unwrap()
                .expect("a new message"),
        );
    }
    tx.commit().await.unwrap();
    ids
}

/// Waits until `check` holds (panics after `limit`).
pub async fn wait_until<F>(what: &str, limit: Duration, mut check: F)
where
    F: AsyncFnMut() -> bool,
{
    let deadline = Instant::now() + limit;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// How many outbox rows match a condition.
pub async fn count_where(db: &Db, condition: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM mail_outbox WHERE {condition}"
    )))
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

/// Checks that every outbox id arrived exactly once (by Message-ID) and nothing else did.
pub fn assert_each_once(received: &[Received], ids: &[i64]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in received {
        *seen
            .entry(r.header("message-id").expect("a Message-ID"))
            .or_default() += 1;
    }
    let dupes: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(dupes.is_empty(), "delivered more than once: {dupes:?}");
    assert_eq!(received.len(), ids.len(), "one delivery per message");
    for id in ids {
        let prefix = format!("<outbox.{id}.");
        assert!(
            seen.keys().any(|k| k.starts_with(&prefix)),
            "message {id} was not delivered"
        );
    }
}
