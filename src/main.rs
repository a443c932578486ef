//! The `passerelle` binary: parses the command line and runs the command.

use clap::Parser;

/// mimalloc: under many concurrent requests it returns freed memory to the system where
/// glibc's allocator kept it, and it allocates faster (figures in BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = passerelle::cli::Cli::parse();
    passerelle::telemetry::init();
    match passerelle::commands::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", passerelle::commands::describe(&e));
            std::process::ExitCode::FAILURE
        }
    }
}
