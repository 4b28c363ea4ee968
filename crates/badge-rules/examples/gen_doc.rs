//! Prints the generated test document of a seed (a debugging aid).
#[path = "../../../tests/runner/gen.rs"]
mod gen;
fn main() {
    let seed: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut rng = gen::Rng::new(seed);
    let doc = if std::env::args().nth(2).is_some() {
        gen::application(&mut rng)
    } else {
        gen::document(seed)
    };
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
}
