//! Passerelle: the app crate. It wires storage (sqlx on SQLite or PostgreSQL), the search
//! and matching engine (`passerelle-index`), the views (`passerelle-templates`), email and
//! the command line together.

pub mod auth;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod domain;
pub mod http;
pub mod interchange;
pub mod mail;
pub mod search;
pub mod stats;
pub mod store;
pub mod telemetry;
