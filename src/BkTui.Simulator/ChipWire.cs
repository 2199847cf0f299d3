namespace BkTui.Simulator;

/// <summary>
/// The chip's UART as the wire model sees it. Keeps a modelled timeline: host bytes arrive at 10
/// bit-times each (at the host's baud), flash work keeps the chip busy, and reply bytes leave at 10
/// bit-times each (at the chip's baud); with the model on, every chunk is released only when its
/// last byte would have arrived. Also applies the baud-mismatch garbling (at the rate the adapter
/// really runs), the cable model and the fault plan.
/// </summary>
internal sealed class ChipWire(IChipLine line, ISimClock clock, bool model, FaultPlan faults, AdapterModel adapter, CableNoise cable)
{
    private double _rxEnd;    // when the last host byte has fully arrived
    private double _cursor;   // when the chip is done with everything so far (work and transmit)

    /// <summary>Modelled time in seconds: the end of the last thing the chip did on or off the wire.</summary>
    public double ModelledSeconds => Math.Max(_cursor, _rxEnd);

    public bool Model => model;
    public long BytesSent { get; private set; }
    /// <summary>Modelled seconds the chip spent off the wire (flash work, CRCs, delays it was asked for).</summary>
    public double BusySeconds { get; private set; }
    public long BytesReceived { get; private set; }
    public FaultPlan Faults => faults;
    public AdapterModel Adapter => adapter;
    /// <summary>Bits the cable model flipped so far.</summary>
    public long CableFlips { get; private set; }

    /// <summary>The rate the host's bytes really travel at: the pty's rate, as far as the adapter can follow it.</summary>
    public int? HostWireBaud => line.HostBaud is { } b ? adapter.Achieved(b) : null;

    public static double ByteTime(int baud) => 10.0 / baud;

    /// <summary>Accounts for <paramref name="count"/> bytes from the host, sent at <paramref name="hostBaud"/>.</summary>
    public void Received(int count, int hostBaud)
    {
        BytesReceived += count;
        _rxEnd = Math.Max(_rxEnd, clock.Now) + count * ByteTime(hostBaud);
    }

    /// <summary>The chip works for <paramref name="seconds"/> after the request has fully arrived.</summary>
    public void Busy(double seconds)
    {
        if (!model) return; // full speed: flash work is free
        BusySeconds += seconds;
        _cursor = Math.Max(_cursor, _rxEnd) + seconds;
    }

    /// <summary>Waits <paramref name="seconds"/> of real (or manual-clock) time even without the model (baud-switch delay).</summary>
    public void Delay(double seconds, CancellationToken cancel)
    {
        if (model)
        {
            Busy(seconds);
            clock.WaitUntil(_cursor, cancel);
        }
        else clock.WaitUntil(clock.Now + seconds, cancel);
    }

    /// <summary>What happened while sending.</summary>
    public enum SendResult { Sent, ResetFault, Unplugged }

    /// <summary>
    /// Sends bytes at <paramref name="chipBaud"/>. <paramref name="counted"/> bytes advance the fault
    /// counter (protocol replies); boot-log text does not, so fault positions stay deterministic.
    /// </summary>
    public SendResult Send(ReadOnlySpan<byte> data, int chipBaud, bool counted, CancellationToken cancel)
    {
        double bt = ByteTime(chipBaud);
        double t = Math.Max(_cursor, _rxEnd);
        // Chunks of about 4 ms of wire time: fine-grained enough for a host reading as bytes come,
        // few enough waits that the precise (spinning) end of each wait costs little CPU.
        int chunk = Math.Clamp((int)(0.004 / bt), 16, 2048);
        var buf = new List<byte>(Math.Min(data.Length, chunk));
        int i = 0;
        while (i < data.Length)
        {
            buf.Clear();
            int take = Math.Min(chunk, data.Length - i);
            if (counted && faults.NextDue < BytesSent + take)
                take = (int)Math.Max(0, faults.NextDue - BytesSent); // stop just before the next fault
            for (int k = 0; k < take; k++) buf.Add(data[i + k]);
            if (take > 0)
            {
                t += take * bt;
                Emit(buf, t, chipBaud, cancel);
                i += take;
                if (counted) BytesSent += take;
                continue;
            }
            // Exactly at a fault position: handle the byte data[i] with its faults.
            byte b = data[i];
            bool drop = false;
            foreach (var f in faults.Take(BytesSent) ?? [])
            {
                switch (f.Kind)
                {
                    case FaultKind.Drop: drop = true; break;
                    case FaultKind.Flip: b ^= (byte)(1 << (int)(BytesSent % 8)); break;
                    case FaultKind.Stall:
                        t += f.StallMs / 1000.0;
                        _cursor = t;
                        if (model) clock.WaitUntil(t, cancel);
                        else clock.WaitUntil(clock.Now + f.StallMs / 1000.0, cancel);
                        break;
                    case FaultKind.Reset:
                        _cursor = t;
                        return SendResult.ResetFault;
                    case FaultKind.Unplug:
                        _cursor = t;
                        return SendResult.Unplugged; // the chip hangs up once it has marked itself gone
                }
            }
            t += bt; // a dropped byte still took its time on the wire (noise ate it)
            if (!drop) { buf.Add(b); Emit(buf, t, chipBaud, cancel); }
            else _cursor = t;
            i++;
            BytesSent++;
        }
        return SendResult.Sent;
    }

    private void Emit(List<byte> bytes, double end, int chipBaud, CancellationToken cancel)
    {
        if (model) clock.WaitUntil(end, cancel);
        _cursor = end;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        CableFlips += cable.Damage(span, chipBaud, BytesSent);
        int host = HostWireBaud ?? chipBaud;
        if (host != chipBaud) line.Write(UartLine.Resample(span, chipBaud, host), cancel);
        else line.Write(span, cancel);
    }

    /// <summary>After a reset nothing in flight matters; the timeline continues from now.</summary>
    public void Restart()
    {
        double now = model ? Math.Max(clock.Now, ModelledSeconds) : clock.Now;
        _cursor = _rxEnd = now;
    }
}
