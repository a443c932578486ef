//! A TCP proxy between the app and PostgreSQL that a test can cut and restore, to play a
//! database server that stops (connections dropped, new ones refused) and starts again,
//! without touching the machine's server.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

struct Shared {
    up: AtomicBool,
    stopping: AtomicBool,
    target: SocketAddr,
    open: Mutex<Vec<TcpStream>>,
}

/// A loopback proxy to `target` on a fixed port; while cut nothing listens on that port.
pub struct Proxy {
    port: u16,
    shared: Arc<Shared>,
}

impl Proxy {
    /// Starts a proxy to `target`, listening (`up`) or not from the start.
    pub fn start(target: SocketAddr, up: bool) -> Proxy {
        let port = {
            let probe = TcpListener::bind("127.0.0.1:0").expect("a free port");
            probe.local_addr().unwrap().port()
        };
        let shared = Arc::new(Shared {
            up: AtomicBool::new(up),
            stopping: AtomicBool::new(false),
            target,
            open: Mutex::new(Vec::new()),
        });
        let state = shared.clone();
        std::thread::spawn(move || serve(port, &state));
        let proxy = Proxy { port, shared };
        if up {
            proxy.wait_listening();
        }
        proxy
    }

    fn wait_listening(&self) {
        for _ in 0..200 {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("the proxy did not start listening");
    }

    /// Drops every open connection and stops listening until [`Proxy::restore`].
    pub fn cut(&self) {
        self.shared.up.store(false, Ordering::SeqCst);
        // Let the accept loop notice and close its listener before dropping connections.
        std::thread::sleep(Duration::from_millis(50));
        for s in self.shared.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }

    /// Listens and forwards again.
    pub fn restore(&self) {
        self.shared.up.store(true, Ordering::SeqCst);
        self.wait_listening();
    }

    /// `url` (a PostgreSQL URL) rewritten to go through this proxy.
    pub fn url_through(&self, url: &str) -> String {
        let (start, end) = authority_span(url);
        let authority = &url[start..end];
        let host_start = authority.rfind('@').map(|i| i + 1).unwrap_or(0);
        format!(
            "{}{}127.0.0.1:{}{}",
            &url[..start],
            &authority[..host_start],
            self.port,
            &url[end..]
        )
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        self.cut();
    }
}

/// The accept loop: holds a listener on `port` exactly while the proxy is up.
fn serve(port: u16, state: &Shared) {
    let mut listener: Option<TcpListener> = None;
    while !state.stopping.load(Ordering::SeqCst) {
        let up = state.up.load(Ordering::SeqCst);
        if up && listener.is_none() {
            match TcpListener::bind(("127.0.0.1", port)) {
                Ok(l) => {
                    l.set_nonblocking(true).unwrap();
                    listener = Some(l);
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
            continue;
        }
        if !up {
            listener = None;
            std::thread::sleep(Duration::from_millis(5));
            continue;
        }
        let Some(l) = &listener else { continue };
        match l.accept() {
            Ok((client, _)) => {
                let _ = client.set_nonblocking(false);
                let Ok(server) = TcpStream::connect(state.target) else {
                    continue;
                };
                let mut open = state.open.lock().unwrap();
                open.push(client.try_clone().unwrap());
                open.push(server.try_clone().unwrap());
                pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                pipe(server, client);
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// Copies bytes one way until either side closes, then closes both.
fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if to.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = from.shutdown(Shutdown::Both);
        let _ = to.shutdown(Shutdown::Both);
    });
}

/// Byte range of the `user:pass@host:port` part of a URL.
fn authority_span(url: &str) -> (usize, usize) {
    let start = url.find("://").expect("a URL with a scheme") + 3;
    let end = url[start..]
        .find(['/', '?'])
        .map(|i| start + i)
        .unwrap_or(url.len());
    (start, end)
}

/// The address a PostgreSQL URL points at (port 5432 when none is given).
pub fn target_of(url: &str) -> SocketAddr {
    use std::net::ToSocketAddrs;
    let (start, end) = authority_span(url);
    let authority = &url[start..end];
    let host = authority.rsplit('@').next().unwrap();
    let host = if host.contains(':') {
        host.to_string()
    } else {
        format!("{host}:5432")
    };
    host.to_socket_addrs()
        .expect("resolvable host")
        .next()
        .expect("an address")
}

#[test]
fn the_proxy_forwards_refuses_and_comes_back() {
    let echo = TcpListener::bind("127.0.0.1:0").unwrap();
    let target = echo.local_addr().unwrap();
    std::thread::spawn(move || {
        for mut s in echo.incoming().flatten() {
            std::thread::spawn(move || {
                let mut b = [0u8; 64];
                while let Ok(n) = s.read(&mut b) {
                    if n == 0 || s.write_all(&b[..n]).is_err() {
                        break;
                    }
                }
            });
        }
    });
    let proxy = Proxy::start(target, true);
    let talk = || -> std::io::Result<Vec<u8>> {
        let mut s = TcpStream::connect(("127.0.0.1", proxy.port))?;
        s.write_all(b"ping")?;
        let mut b = [0u8; 4];
        s.read_exact(&mut b)?;
        Ok(b.to_vec())
    };
    assert_eq!(talk().unwrap(), b"ping");
    proxy.cut();
    let refused = TcpStream::connect(("127.0.0.1", proxy.port)).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::ConnectionRefused);
    proxy.restore();
    assert_eq!(talk().unwrap(), b"ping");
    let url = proxy.url_through("postgres://app:pw@db.example:5432/test?sslmode=disable");
    assert_eq!(
        url,
        format!(
            "postgres://app:pw@127.0.0.1:{}/test?sslmode=disable",
            proxy.port
        )
    );
    assert_eq!(
        target_of("postgres://postgres@127.0.0.1/test"),
        "127.0.0.1:5432".parse().unwrap()
    );
}
