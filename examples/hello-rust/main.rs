#![no_std]
#![no_main]

use core::panic::PanicInfo;

extern "C" {
    fn puts(s: *const u8) -> i32; // imported from "env"
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: i32) -> i32 {
    // NUL-terminated: puts reads up to the first zero byte
    unsafe {
        puts(b"Hello Rust World!\0".as_ptr());
    }
    0
}
