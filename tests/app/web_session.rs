//! Signing in without the login page: a session row written straight into the test
//! database and its cookie handed to the client (the login form is tested on its own).

use passerelle::store::{sessions, users};

use crate::helpers::TestDb;
use crate::web::WebClient;

/// Signs `client` in as the account `email` of the server running on `db`.
pub async fn login_as(client: &WebClient, db: &TestDb, email: &str) {
    let store = db.connect().await;
    let user = users::by_email(&store.pool, email)
        .await
        .unwrap_or_else(|e| panic!("no account {email}: {e}"));
    let mut conn = store.pool.acquire().await.expect("connection");
    let secret = sessions::create(&mut conn, user.id, 3600)
        .await
        .expect("session");
    drop(conn);
    store.close().await;
    client.set_cookie("passerelle_session", &secret);
}
