using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Herald.Simulator.Dns;

/// <summary>
/// A tiny DNS server on 127.0.0.1 (UDP) for MX tests: it answers MX and A questions from <see cref="Mx"/> and
/// <see cref="A"/>; a name in neither is NXDOMAIN, a known name without records of the type asked is an empty answer.
/// One question per query, no recursion, no TCP.
/// </summary>
public sealed class DnsAnswerer : IAsyncDisposable
{
    private const ushort TypeA = 1;
    private const ushort TypeMx = 15;
    private readonly UdpClient _udp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private DnsAnswerer(UdpClient udp)
    {
        _udp = udp;
        Port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The UDP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The server as DnsClient and <c>EmailValidationOptions.DnsServers</c> name it: <c>127.0.0.1:port</c>.</summary>
    public string Endpoint => FormattableString.Invariant($"127.0.0.1:{Port}");

    /// <summary>MX records by domain: (preference, exchange host).</summary>
    public ConcurrentDictionary<string, IReadOnlyList<(ushort Preference, string Exchange)>> Mx { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A records by name.</summary>
    public ConcurrentDictionary<string, IPAddress> A { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Questions answered.</summary>
    public int Queries { get; private set; }

    /// <summary>Starts on a free port.</summary>
    public static DnsAnswerer Start() => new(new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var request = await _udp.ReceiveAsync(_stop.Token);
            if (Answer(request.Buffer) is { } answer)
            {
                Queries++;
                await _udp.SendAsync(answer, request.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 17)
        {
            return null;
        }

        var (name, end) = ReadName(query, 12);
        if (name is null || end + 4 > query.Length)
        {
            return null;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(end));
        var answers = new List<byte[]>();
        var known = Mx.ContainsKey(name) || A.ContainsKey(name);
        if (type == TypeMx && Mx.TryGetValue(name, out var mx))
        {
            answers.AddRange(mx.Select(r => Record(TypeMx, [.. BigEndian(r.Preference), .. EncodeName(r.Exchange)])));
        }
        else if (type == TypeA && A.TryGetValue(name, out var ip))
        {
            answers.Add(Record(TypeA, ip.GetAddressBytes()));
        }

        var response = new List<byte>();
        response.AddRange(query.AsSpan(0, 2).ToArray());                    // id
        response.AddRange(BigEndian((ushort)(0x8180 | (known ? 0 : 3)))); // QR, RD, RA; NXDOMAIN for an unknown name
        response.AddRange(BigEndian(1));
        response.AddRange(BigEndian((ushort)answers.Count));
        response.AddRange(BigEndian(0));
        response.AddRange(BigEndian(0));
        response.AddRange(query.AsSpan(12, end + 4 - 12).ToArray());       // the question
        foreach (var a in answers)
        {
            response.AddRange(a);
        }

        return [.. response];
    }

    private static byte[] Record(ushort type, byte[] data) =>
        [0xC0, 0x0C, .. BigEndian(type), .. BigEndian(1), 0, 0, 0, 60, .. BigEndian((ushort)data.Length), .. data];

    private static byte[] BigEndian(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var encoded = Encoding.ASCII.GetBytes(label);
            bytes.Add((byte)encoded.Length);
            bytes.AddRange(encoded);
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static (string? Name, int End) ReadName(byte[] buffer, int offset)
    {
        var labels = new List<string>();
        while (offset < buffer.Length)
        {
            var length = buffer[offset++];
            if (length == 0)
            {
                return (string.Join('.', labels), offset);
            }

            if (length > 63 || offset + length > buffer.Length)
            {
                return (null, offset);
            }

            labels.Add(Encoding.ASCII.GetString(buffer, offset, length));
            offset += length;
        }

        return (null, offset);
    }
}
