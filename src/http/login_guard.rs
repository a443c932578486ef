//! Who may try a password now: failures only are counted, in the database (so several nodes
//! share them). Per client address, a cap on failures in a window; per account, a delay that
//! grows with each failure past a few, so an attacker cannot lock the owner out for long and
//! a password reset (or a success) starts afresh. The client address is the peer's, or the
//! one a configured trusted proxy forwarded.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;
use sqlx::AnyPool;

use crate::store::StoreError;
use crate::store::login_failures::{self, Scope};

/// The window failures are counted in, seconds.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Failures from one client address within the window before it must wait.
pub const ADDRESS_FAILURES: i64 = 30;
/// Failures on one account within the window that cost no delay.
pub const FREE_ACCOUNT_FAILURES: i64 = 4;
/// The first delay once those are spent, seconds; it doubles with each failure after.
pub const FIRST_DELAY_SECS: i64 = 30;

/// The delay an account's next attempt must wait after `failures` failures in the window
/// (0 while they are few): 30 s, 60 s, 120 s… at most the window.
pub fn account_delay(failures: i64) -> i64 {
    if failures <= FREE_ACCOUNT_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_ACCOUNT_FAILURES - 1).clamp(0, 16) as u32;
    FIRST_DELAY_SECS
        .saturating_mul(1_i64 << doublings)
        .min(WINDOW_SECS)
}

/// The client's address: the peer's, unless the peer is a trusted proxy, in which case the
/// right-most `X-Forwarded-For` entry that is not itself a trusted proxy.
pub fn client_address(peer: SocketAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer.ip()) {
        return peer.ip();
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse::<IpAddr>().ok())
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer.ip())
}

/// Seconds to wait before this account may be tried from this address, if any.
pub async fn wait(
    pool: &AnyPool,
    account: &str,
    address: IpAddr,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let since = now - WINDOW_SECS;
    let (from_address, first, _) =
        login_failures::since(pool, Scope::Address, &address.to_string(), since).await?;
    if from_address >= ADDRESS_FAILURES {
        let until = first.unwrap_or(now) + WINDOW_SECS;
        return Ok(Some((until - now).max(1)));
    }
    let (on_account, _, last) = login_failures::since(pool, Scope::Account, account, since).await?;
    let delay = account_delay(on_account);
    let until = last.unwrap_or(now) + delay;
    Ok((delay > 0 && until > now).then(|| (until - now).max(1)))
}

/// Records a failed attempt against the account and the address.
pub async fn failed(
    pool: &AnyPool,
    account: &str,
    address: IpAddr,
    now: i64,
) -> Result<(), StoreError> {
    let forget = now - WINDOW_SECS;
    login_failures::record(pool, Scope::Account, account, now, forget).await?;
    login_failures::record(pool, Scope::Address, &address.to_string(), now, forget).await
}

/// Starts the account afresh (a successful sign-in, a password reset).
pub async fn succeeded(pool: &AnyPool, account: &str) -> Result<(), StoreError> {
    let mut conn = pool.acquire().await?;
    login_failures::clear(&mut conn, Scope::Account, account).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_grows_and_stays_bounded() {
        assert_eq!(account_delay(0), 0);
        assert_eq!(account_delay(FREE_ACCOUNT_FAILURES), 0);
        assert_eq!(account_delay(FREE_ACCOUNT_FAILURES + 1), 30);
        assert_eq!(account_delay(FREE_ACCOUNT_FAILURES + 2), 60);
        assert_eq!(account_delay(FREE_ACCOUNT_FAILURES + 3), 120);
        assert_eq!(account_delay(1_000), WINDOW_SECS);
    }

    #[test]
    fn forwarded_addresses_only_from_trusted_proxies() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7".parse().unwrap(),
        );
        let from_proxy = SocketAddr::new(proxy, 4000);
        assert_eq!(
            client_address(from_proxy, &headers, &[proxy]),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        let direct: SocketAddr = "192.0.2.1:5000".parse().unwrap();
        assert_eq!(
            client_address(direct, &headers, &[proxy]),
            direct.ip(),
            "forged header ignored"
        );
    }
}
