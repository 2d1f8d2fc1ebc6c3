//! The kashif command line.
//!
//! ```text
//! kashif analyze [FILE|-] [--jsonl] [--no-topics] [--no-meetings] [--types T,..]
//! kashif version
//! ```
//!
//! `analyze FILE` prints the analysis of the file as pretty JSON (`-` or no
//! FILE reads standard input). `analyze --jsonl` reads JSON lines
//! `{"id", "text", ...}` and writes one compact analysis per line with the
//! same `id`; a bad line gets `{"id", "error"}` in its place and a message
//! on standard error naming the line, the batch goes on, and the exit code
//! is 1 if any line failed.

use kashif::{Analyzer, EntityType, Options};
use serde_json::{json, Map, Value};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  kashif analyze [FILE|-] [--no-topics] [--no-meetings] [--types PERS,ORG,..]
      print the analysis of FILE (or standard input) as pretty JSON
  kashif analyze --jsonl [FILE|-] [options]
      read JSON lines {\"id\", \"text\", ...}, write one analysis per line with its id
  kashif version";

struct Args {
    jsonl: bool,
    file: Option<String>,
    options: Options,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args { jsonl: false, file: None, options: Options::default() };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => out.jsonl = true,
            "--no-topics" => out.options.topics = false,
            "--no-meetings" => out.options.meetings = false,
            "--types" => {
                let list = args.next().ok_or("--types needs a list such as PERS,ORG")?;
                for t in list.split(',').filter(|t| !t.is_empty()) {
                    let ty = EntityType::from_tag(t.trim()).ok_or_else(|| format!("unknown entity type {t:?}; known: PERS ORG GPE LOC FAC NORP OCC EVENT DATE"))?;
                    out.options.types.push(ty);
                }
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => {
                if out.file.replace(s.to_string()).is_some() {
                    return Err("more than one FILE given".into());
                }
            }
        }
    }
    Ok(out)
}

fn open_input(file: &Option<String>) -> Result<Box<dyn BufRead>, String> {
    match file.as_deref() {
        None | Some("-") => Ok(Box::new(io::BufReader::new(io::stdin()))),
        Some(path) => std::fs::File::open(path)
            .map(|f| Box::new(io::BufReader::new(f)) as Box<dyn BufRead>)
            .map_err(|e| format!("cannot open {path}: {e}")),
    }
}

/// Analyzes one JSON line; the error says what is wrong with it.
fn analyze_line(analyzer: &Analyzer, line: &[u8]) -> (Value, Result<Value, String>) {
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => return (Value::Null, Err(format!("not valid UTF-8 ({e})"))),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (Value::Null, Err(format!("not JSON ({e})"))),
    };
    let Value::Object(obj) = value else {
        return (Value::Null, Err("not a JSON object".into()));
    };
    let id = obj.get("id").cloned().unwrap_or(Value::Null);
    let Some(input) = obj.get("text") else {
        return (id, Err("no \"text\" field".into()));
    };
    let Some(input) = input.as_str() else {
        return (id, Err("\"text\" is not a string".into()));
    };
    let result = analyzer
        .analyze(input)
        .map_err(|e| e.to_string())
        .and_then(|a| serde_json::to_value(a).map_err(|e| e.to_string()));
    (id, result)
}

fn run_jsonl(analyzer: &Analyzer, mut input: Box<dyn BufRead>) -> Result<bool, String> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        let read = input.read_until(b'\n', &mut line).map_err(|e| format!("cannot read input: {e}"))?;
        if read == 0 {
            break;
        }
        n += 1;
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let (id, result) = analyze_line(analyzer, &line);
        let record = match result {
            Ok(Value::Object(analysis)) => {
                let mut m = Map::new();
                m.insert("id".into(), id);
                m.extend(analysis);
                Value::Object(m)
            }
            Ok(_) => unreachable!("an analysis serializes to an object"),
            Err(msg) => {
                all_ok = false;
                eprintln!("kashif: line {n}: {msg}");
                json!({ "id": id, "error": msg })
            }
        };
        serde_json::to_writer(&mut out, &record).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| format!("cannot write output: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    Ok(all_ok)
}

fn run_one(analyzer: &Analyzer, mut input: Box<dyn BufRead>) -> Result<bool, String> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| format!("cannot read input: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("input is not valid UTF-8 ({e})"))?;
    let analysis = analyzer.analyze(&text).map_err(|e| e.to_string())?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer_pretty(&mut out, &analysis).map_err(|e| e.to_string())?;
    out.write_all(b"\n").map_err(|e| format!("cannot write output: {e}"))?;
    Ok(true)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let result = match args.next().as_deref() {
        Some("analyze") => parse_args(args).and_then(|a| {
            let analyzer = Analyzer::new(a.options).map_err(|e| e.to_string())?;
            let input = open_input(&a.file)?;
            if a.jsonl { run_jsonl(&analyzer, input) } else { run_one(&analyzer, input) }
        }),
        Some("version") | Some("--version") | Some("-V") => {
            println!("kashif {}", kashif::VERSION);
            Ok(true)
        }
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            Ok(true)
        }
        _ => Err(String::new()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(msg) if msg.is_empty() => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
        Err(msg) => {
            eprintln!("kashif: {msg}");
            ExitCode::from(2)
        }
    }
}
