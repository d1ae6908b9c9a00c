//! The README's first command, as a user runs it: the demo offline, against
//! the local Open Platform it starts, with a transcript naming each step.

use std::process::Command;

#[test]
fn the_offline_demo_shows_each_step_and_ends_on_the_typed_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_lark-demo"))
        .env_remove("LARK_APP_ID")
        .env_remove("LARK_APP_SECRET")
        .output()
        .expect("the demo runs");
    let transcript = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the demo failed:\n{transcript}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let steps = [
        "bot connected over the long connection",
        "Ada sends \"@Echo hi\" with a photo",
        "bot ← im.message.receive_v1: post message",
        ": \"hi\", 1 image(s)",
        "?type=image: 1796 bytes of image/png",
        "bot → POST /open-apis/im/v1/images (multipart, 1796 bytes)",
        "/reply (in a thread): card",
        "in a thread: true; the uploaded copy is byte-identical: true",
        "bot ← card.action.trigger:",
        "clicked \"approve\"",
        "the bot's answer over ws (acked): toast success \"Approved\" (zh_cn \"已通过\")",
        "the card Ada sees now says \"Approved\": true",
        "bot ← im.message.reaction.created_v1",
        "bot ← im.message.reaction.deleted_v1",
        "NotReactionOwner — code 231007, HTTP 400",
    ];
    let mut from = 0;
    for step in steps {
        match transcript[from..].find(step) {
            Some(at) => from += at + step.len(),
            None => panic!("the transcript lacks {step:?} (in order):\n{transcript}"),
        }
    }
}
