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
}
