// Test classes run one at a time. Many of them open pseudo-terminals, and the kernel hands out the
// lowest free /dev/pts number: while one test deliberately unplugs its virtual chip and lets its host
// relink (retrying the old path), a test running beside it could be given that same path and receive
// the other test's link checks. Sequential classes keep every test's ptys its own.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
