//! `lark-devserver`: a local Open Platform on loopback.
//!
//! ```text
//! lark-devserver [--addr 127.0.0.1:8788] [--token-lifetime SECS] [--ack-timeout MS]
//! ```
//!
//! Prints its base URL, then serves until interrupted. Set it up through the
//! control API (`/_dev/...`, see `docs/devserver.md`). `--addr 127.0.0.1:0`
//! takes any free port.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use lark_devserver::{Config, DevServer};

fn parse(args: &[String]) -> Result<Config, String> {
    let mut config = Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 8788)),
        ..Config::default()
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: `{value}` is not a number"))
        };
        match flag.as_str() {
            "--addr" => {
                config.addr = value
                    .parse::<SocketAddr>()
                    .map_err(|e| format!("--addr: {e}"))?;
            }
            "--token-lifetime" => config.token_lifetime = Duration::from_secs(number()?),
            "--ack-timeout" => config.ack_timeout = Duration::from_millis(number()?),
            "--ping-interval" => config.ping_interval_secs = number()?,
            other => return Err(format!("unknown flag `{other}`")),
        }
    }
    Ok(config)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!(
            "usage: lark-devserver [--addr HOST:PORT] [--token-lifetime SECS] [--ack-timeout MS] [--ping-interval SECS]"
        );
        return ExitCode::SUCCESS;
    }
    let config = match parse(&args) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("lark-devserver: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("lark-devserver: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let server = match DevServer::start(config).await {
            Ok(server) => server,
            Err(e) => {
                eprintln!("lark-devserver: cannot listen: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("{}", server.url());
        let _ = tokio::signal::ctrl_c().await;
        server.shutdown().await;
        ExitCode::SUCCESS
    })
}
