#![cfg(not(target_arch = "wasm32"))]
//! The command line as the evaluation harness uses it.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kashif"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the kashif binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn jsonl_keeps_going_past_bad_lines() {
    let input = "{\"id\": \"a\", \"text\": \"زار الوفد ليبيا\", \"extra\": 1}\n\
                 not json\n\
                 {\"id\": 7}\n\
                 {\"id\": \"n\", \"text\": 5}\n\
                 \n\
                 {\"id\": \"b\", \"text\": \"\"}\n";
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"id\": \"u\", \"text\": \"\xff\"}\n");
    let (code, out, err) = run(&["analyze", "--jsonl"], &bytes);
    assert_eq!(code, 1, "a failed line makes the exit code nonzero");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("every output line is JSON")).collect();
    let cases: &[(&str, serde_json::Value, Option<&str>)] = &[
        ("good line", "a".into(), None),
        ("not json", serde_json::Value::Null, Some("not JSON")),
        ("no text", 7.into(), Some("no \"text\"")),
        ("text not a string", "n".into(), Some("not a string")),
        ("empty text is fine", "b".into(), None),
        ("invalid utf-8", serde_json::Value::Null, Some("UTF-8")),
    ];
    assert_eq!(lines.len(), cases.len(), "one output line per non-blank input line:\n{out}");
    for ((name, id, error), line) in cases.iter().zip(&lines) {
        assert_eq!(&line["id"], id, "case {name:?}: id");
        match error {
            Some(e) => assert!(line["error"].as_str().unwrap_or_default().contains(e), "case {name:?}: error should mention {e:?}: {line}"),
            None => assert!(line.get("entities").is_some() && line.get("error").is_none(), "case {name:?}: expected an analysis: {line}"),
        }
    }
    assert_eq!(lines[0]["entities"][0]["text"], "ليبيا");
    assert!(err.contains("line 2") && err.contains("line 3"), "stderr names the failed lines: {err}");
}

#[test]
fn analyze_file_prints_pretty_json() {
    let (code, out, _) = run(&["analyze", "-"], "المملكة العربية السعودية".as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["entities"][0]["type"], "GPE");
    assert_eq!(v["entities"][0]["end"], 24);
    assert!(out.contains("\n  "), "pretty printed");
}

#[test]
fn bad_usage_exits_2() {
    for (name, args) in [("unknown option", &["analyze", "--bogus"][..]), ("unknown type", &["analyze", "--types", "FOO"][..]), ("missing file", &["analyze", "/nonexistent/file.txt"][..])] {
        let (code, _, err) = run(args, b"");
        assert_eq!(code, 2, "case {name:?}: exit code");
        assert!(!err.is_empty(), "case {name:?}: says why");
    }
}
