// A Rust std program for WASI: println!, arguments, an environment variable, a file in the
// preopen, and an exit status, built with Debian's rustc (--target wasm32-wasi).
use std::io::Write;

fn main() {
    println!("Hello from Rust std on WASI!");
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("args: {:?}", args);
    println!("GREETING: {:?}", std::env::var("GREETING").ok());
    let path = "/sandbox/rust.txt";
    std::fs::File::create(path).and_then(|mut f| f.write_all(b"from rust\n")).unwrap();
    println!("read back: {:?}", std::fs::read_to_string(path).unwrap());
    std::fs::remove_file(path).unwrap();
    eprintln!("to stderr");
    std::process::exit(5);
}
