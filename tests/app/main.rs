//! Passerelle's integration tests: one binary, one module per feature. Each test gets
//! its own database: a fresh SQLite file always, and a fresh PostgreSQL database when
//! `PASSERELLE_TEST_POSTGRES_URL` is set (otherwise the PostgreSQL variant says loudly
//! that it was skipped).

mod helpers;
mod html_form;

mod api;
mod api_client;
mod api_connections;
mod api_profile;
mod api_writes;
mod browser;
mod browser_journeys;
mod cli_import;
mod cli_matching;
mod cli_serve;
mod cli_users;
mod faults_db;
mod faults_import;
mod mail_faults;
mod mail_rules;
mod mail_send;
mod mail_server;
mod mail_throughput;
mod proxy;
mod search_sync;
mod security_holes;
mod stats;
mod storage;
mod web;
mod web_account;
mod web_accounts;
mod web_basics;
mod web_crawl;
mod web_experts;
mod web_journeys;
mod web_moderation;
mod web_org;
mod web_postings;
mod web_session;
