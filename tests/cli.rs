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

/// More ways a JSON lines batch can go wrong; each bad line gets an error
/// line naming what is wrong, the good lines around it are analyzed.
#[test]
fn jsonl_error_lines_say_what_is_wrong() {
    let cases: &[(&str, &[u8], Option<&str>)] = &[
        ("array instead of object", b"[1, 2]", Some("not a JSON object")),
        ("bare number", b"42", Some("not a JSON object")),
        ("null text", br#"{"id": "t", "text": null}"#, Some("not a string")),
        ("text is an object", br#"{"id": "o", "text": {"a": 1}}"#, Some("not a string")),
        ("truncated line", r#"{"id": "x", "text": "ليبيا"#.as_bytes(), Some("not JSON")),
        ("lone surrogate escape", r#"{"id": "s", "text": "\ud800 ليبيا"}"#.as_bytes(), Some("not JSON")),
        ("utf-8 bom", b"\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"x\"}", Some("not JSON")),
        ("overlong utf-8", b"{\"id\": \"ov\", \"text\": \"\xC0\xAF\"}", Some("UTF-8")),
        ("crlf line end is fine", b"{\"id\": \"crlf\", \"text\": \"\xd9\x84\xd9\x8a\xd8\xa8\xd9\x8a\xd8\xa7\"}\r", None),
        ("escaped nul and controls are fine", r#"{"id": "nul", "text": "\u0000ليبيا\u0001\u001b"}"#.as_bytes(), None),
        ("escaped astral pair is fine", r#"{"id": "pair", "text": "\ud83c\uddf1\ud83c\uddfe ليبيا"}"#.as_bytes(), None),
        ("html is plain text", r#"{"id": "html", "text": "<script>alert(1)</script> ليبيا"}"#.as_bytes(), None),
        ("numeric id is kept", r#"{"id": 12, "text": "ليبيا"}"#.as_bytes(), None),
    ];
    let mut input = Vec::new();
    for (_, line, _) in cases {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    input.extend_from_slice(r#"{"id": "last", "text": "تركيا"}"#.as_bytes()); // no final newline
    let (code, out, err) = run(&["analyze", "--jsonl"], &input);
    assert_eq!(code, 1, "failed lines make the exit code 1");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("every output line is JSON")).collect();
    assert_eq!(lines.len(), cases.len() + 1, "one output line per input line, the last one without a newline too:\n{out}");
    for (n, ((name, _, error), line)) in cases.iter().zip(&lines).enumerate() {
        match error {
            Some(e) => {
                let msg = line["error"].as_str().unwrap_or_default();
                assert!(msg.contains(e), "case {name:?}: error should mention {e:?}, got {line}");
                assert!(err.contains(&format!("line {}:", n + 1)), "case {name:?}: stderr should name line {}: {err}", n + 1);
            }
            None => {
                assert!(line.get("error").is_none(), "case {name:?}: expected an analysis, got {line}");
                assert_eq!(line["entities"][0]["text"], "ليبيا", "case {name:?}: the name is found");
            }
        }
    }
    assert_eq!(lines[12]["id"], 12, "a numeric id is kept as a number");
    assert_eq!(lines[cases.len()]["entities"][0]["text"], "تركيا", "the last line without a newline is analyzed");
}

#[test]
fn jsonl_line_over_the_size_limit_is_an_error_line() {
    let big = "ا".repeat(kashif::MAX_INPUT_BYTES / 2 + 1);
    let input = format!("{{\"id\": \"big\", \"text\": \"{big}\"}}\n{{\"id\": \"ok\", \"text\": \"ليبيا\"}}\n");
    let (code, out, err) = run(&["analyze", "--jsonl"], input.as_bytes());
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "big");
    assert!(lines[0]["error"].as_str().unwrap().contains("too large"), "the error names the limit: {}", lines[0]);
    assert_eq!(lines[1]["entities"][0]["text"], "ليبيا", "the batch goes on after the oversized line");
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn jsonl_empty_input_writes_nothing() {
    for (name, input) in [("empty", &b""[..]), ("blank lines", &b"\n\n  \n\r\n"[..])] {
        let (code, out, err) = run(&["analyze", "--jsonl"], input);
        assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""), "case {name:?}: nothing to do is not an error");
    }
}

#[test]
fn single_text_errors_exit_2_with_a_message() {
    let cases: &[(&str, &[u8], &str)] = &[("invalid utf-8", b"\xd9\x84\xff\xfe", "UTF-8"), ("truncated utf-8", b"\xd9", "UTF-8")];
    for (name, input, want) in cases {
        let (code, out, err) = run(&["analyze", "-"], input);
        assert_eq!(code, 2, "case {name:?}: exit code");
        assert!(out.is_empty(), "case {name:?}: no half output");
        assert!(err.contains(want), "case {name:?}: stderr should mention {want:?}: {err}");
    }
    let (code, out, _) = run(&["analyze", "-"], b"");
    assert_eq!(code, 0, "empty input is a valid, empty analysis");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["stats"]["length"], 0);
}
