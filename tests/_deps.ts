// Test-only npm dependencies, named in one place.
export { default as FakeTimers } from "npm:@sinonjs/fake-timers@^15.5.0";
