using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Monitor;
using BkTui.Core.Serial;

namespace BkTui.Core.Jobs;

/// <summary>The real connector: a termios serial port and a <see cref="ChipSession"/> on it.</summary>
public sealed class SerialJobConnector(ConnectOptions? defaults = null) : IJobDeviceConnector
{
    private readonly ConnectOptions _defaults = defaults ?? new ConnectOptions();

    public IJobDevice Connect(string port, BaudChoice baud, IFlashObserver observer, CancellationToken cancel)
    {
        var link = SerialPort.Open(port);
        try
        {
            var options = _defaults with { Baud = baud.Asked ?? _defaults.Baud, StartBaud = baud.Remembered ?? _defaults.StartBaud };
            return new SessionDevice(link, ChipSession.Connect(link, options, observer, cancel));
        }
        catch
        {
            link.Dispose();
            throw;
        }
    }

    private sealed class SessionDevice(ISerialLink link, ChipSession session) : IJobDevice
    {

        public ChipInfo Info => session.Info;

        public byte[] Read(uint start, uint length, IKnownBlocks? known, CancellationToken cancel) =>
            session.Read(start, length, new ReadOptions { Known = known }, cancel);

        public void Write(uint start, ReadOnlySpan<byte> data, bool allowBootloader, (uint Start, uint Length) whole) =>
            session.Write(start, data, new WriteOptions { AllowBootloader = allowBootloader, Verify = false, ProvenByCaller = whole }, CancellationToken.None);

        public void UseBackup(FlashBackup backup) => session.Backup = backup;

        public void VerifyWritten(uint start, ReadOnlySpan<byte> expected) => session.VerifyWritten(start, expected);

        public void Reboot() => session.Reboot();

        public BootProof RebootAndListen(BootListenOptions options, CancellationToken cancel)
        {
            if (options.Duration <= TimeSpan.Zero)
            {
                session.Reboot();
                return BootListener.Listen(link, options, onLogPort: false, cancel);
            }
            SerialPort? log = null;
            if (options.LogPort is { } logPort)
            {
                try { log = SerialPort.Open(logPort, options.Baud); }
                catch (SerialException e)
                {
                    session.Reboot();
                    return BootProof.NotChecked(logPort, $"rebooted; the boot-log port could not be opened, so the boot is not proven: {e.Message}");
                }
            }
            using (log)
            {
                log?.DiscardInput(); // only what the chip says after this reboot counts
                session.Reboot();
                return BootListener.Listen(log ?? link, options, onLogPort: log is not null, cancel);
            }
        }

        public void Dispose()
        {
            try { session.Dispose(); }
            finally { link.Dispose(); }
        }
    }
}
