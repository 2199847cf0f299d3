using System.Text;
using BkTui.Core.Serial;

namespace BkTui.Tests.Serial;

public class PortHoldersTests
{
    [Fact]
    public void Proc_locks_lines_are_parsed_and_waiters_skipped()
    {
        const string text = "1: FLOCK  ADVISORY  WRITE 4242 00:1a:567 0 EOF\n" +
                            "1: -> FLOCK  ADVISORY  WRITE 4343 00:1a:567 0 EOF\n" +
                            "2: POSIX  ADVISORY  READ 99 fd:01:12345 0 EOF\n" +
                            "garbage\n";
        var locks = PortHolders.ParseLocks(text);
        Assert.Equal(2, locks.Count);
        Assert.Equal((0x00u, 0x1au, 567ul, 4242), locks[0]);
        Assert.Equal((0xfdu, 0x01u, 12345ul, 99), locks[1]);
    }

    [Theory]
    [InlineData("      1234\n", 1234)]
    [InlineData("777", 777)]
    [InlineData("", null)]
    [InlineData("nope", null)]
    public void Uucp_lock_files_in_ascii_form(string content, int? pid) =>
        Assert.Equal(pid, PortHolders.ParseUucpLock(Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void Uucp_lock_files_in_binary_form() =>
        Assert.Equal(31337, PortHolders.ParseUucpLock(BitConverter.GetBytes(31337)));

    [Fact]
    public void A_locked_port_is_attributed_by_flock()
    {
        using var pty = PseudoTerminal.Open();
        Assert.Null(PortHolders.Find(pty.SlavePath));
        using var port = SerialPort.Open(pty.SlavePath);
        var holder = PortHolders.Find(pty.SlavePath);
        Assert.NotNull(holder);
        Assert.Equal(Environment.ProcessId, holder.Pid);
        Assert.Equal("flock", holder.Evidence);
        Assert.False(string.IsNullOrEmpty(holder.ProcessName));
    }

    [Fact]
    public void A_port_merely_open_elsewhere_is_attributed_by_its_fd()
    {
        using var pty = PseudoTerminal.Open();
        int fd = Native.Open(pty.SlavePath, Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK | Native.O_CLOEXEC, 0);
        Assert.True(fd >= 0);
        try
        {
            var holder = PortHolders.Find(pty.SlavePath);
            Assert.NotNull(holder);
            Assert.Equal(Environment.ProcessId, holder.Pid);
            Assert.Equal("open file", holder.Evidence);
        }
        finally { Native.Close(fd); }
    }

    /// <summary>
    /// A child of ours that has the port open too (a fork shares descriptors; here the child opens it
    /// itself, so no other test's child can inherit ours). The port is still ours, whatever order the
    /// pids are in — this flaked when the pid counter wrapped — and our own child is not "another
    /// program holding the port".
    /// </summary>
    [Fact]
    public void A_port_shared_with_a_child_belongs_to_the_parent_and_our_own_child_is_not_another_program()
    {
        using var pty = PseudoTerminal.Open();
        int fd = Native.Open(pty.SlavePath, Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK | Native.O_CLOEXEC, 0);
        Assert.True(fd >= 0);
        var start = new System.Diagnostics.ProcessStartInfo("sh", ["-c", $"exec 3<>{pty.SlavePath}; exec sleep 30"]) { UseShellExecute = false };
        using var child = System.Diagnostics.Process.Start(start)!;
        try
        {
            Assert.True(SpinWait.SpinUntil(() => ChildHolds(child.Id, pty.SlavePath), 5000), "the child did not open the port");
            var holder = PortHolders.Find(pty.SlavePath);
            Assert.NotNull(holder);
            Assert.Equal(Environment.ProcessId, holder.Pid);
            Assert.Null(PortHolders.Snapshot().OtherOpener(pty.SlavePath));
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
            Native.Close(fd);
        }
    }

    /// <summary>The Ports pane's word for a port: another program's flock makes it busy with its pid; our own lock does not.</summary>
    [Fact]
    public void Describe_says_busy_for_another_programs_flock_and_free_for_our_own_lock()
    {
        using var pty = PseudoTerminal.Open();
        var free = new PortInfo(pty.SlavePath, null, "pty", null, null, null, null, false, null);
        using (SerialPort.Open(pty.SlavePath))
            Assert.False(PortHolders.Snapshot().Describe(free).Busy);

        var start = new System.Diagnostics.ProcessStartInfo("flock", [pty.SlavePath, "sleep", "30"]) { UseShellExecute = false };
        using var other = System.Diagnostics.Process.Start(start)!;
        try
        {
            Assert.True(SpinWait.SpinUntil(() => PortHolders.Snapshot().Describe(free).Busy, 5000), "flock never showed as a holder");
            var busy = PortHolders.Snapshot().Describe(free);
            Assert.Equal(other.Id, busy.HolderPid);
            Assert.Equal("flock", busy.HolderName);
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            other.WaitForExit();
        }
    }

    private static bool ChildHolds(int pid, string path)
    {
        try { return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(f => new FileInfo(f).LinkTarget == path); }
        catch (IOException) { return false; }
    }
}
