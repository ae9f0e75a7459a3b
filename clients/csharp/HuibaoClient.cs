// A signed request to Huibao Gateway, and the check of its signed answer, in C# (.NET 6 or later):
// System.Security.Cryptography.ECDsa and System.Text.Json only, no NuGet package.
//
//   var client = new HuibaoClient("http://localhost:8080", "demo-hospital",
//       File.ReadAllText("config/demo/keys/demo-hospital.private.jwk"));
//   var (status, body, kid) = await client.CallAsync("POST", "/v1/eligibility", File.ReadAllBytes("body.json"));
//
// Shown and explained in clients/README.md; not run by the build (the build machine has no .NET). It does what the
// Java, Python and Node snippets do, which the build runs against a started gateway.
using System;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

public sealed class HuibaoClient
{
    private static readonly HttpClient Http = new();
    private readonly string _gateway, _clientId, _audience, _kid;
    private readonly ECDsa _key;
    private JsonArray? _jwks;

    public HuibaoClient(string gateway, string clientId, string privateJwkJson, string audience = "huibao-gateway")
    {
        var jwk = JsonNode.Parse(privateJwkJson)!;
        if ((string?)jwk["kty"] != "EC" || (string?)jwk["crv"] != "P-256" || jwk["d"] is null)
            throw new ArgumentException("an ES256 private JWK (kty EC, crv P-256, with d) is needed");
        _gateway = gateway.TrimEnd('/');
        _clientId = clientId;
        _audience = audience;
        _kid = (string)jwk["kid"]!;
        _key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = B64d((string)jwk["d"]!),
            Q = new ECPoint { X = B64d((string)jwk["x"]!), Y = B64d((string)jwk["y"]!) },
        });
    }

    public static string B64e(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] B64d(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    // The request token: ES256, typ JWT, bound to this method, path and query, and body.
    public string Token(string method, string pathAndQuery, byte[] body)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = _clientId, ["sub"] = _clientId, ["aud"] = _audience,
            ["iat"] = now, ["exp"] = now + 120,          // at most 300 s
            ["jti"] = Guid.NewGuid().ToString(),          // accepted once
            ["htm"] = method.ToUpperInvariant(),
            ["htu"] = pathAndQuery,                       // path and query exactly as sent
        };
        if (body.Length > 0) claims["bsh"] = B64e(SHA256.HashData(body)); // SHA-256 of the exact body bytes
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "JWT", ["kid"] = _kid };
        string input = B64e(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
                     + B64e(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        // .NET signs ECDSA as IEEE P1363 (r || s, 32 bytes each) by default: exactly what JWS wants, no DER.
        byte[] signature = _key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256);
        return input + "." + B64e(signature);
    }

    private async Task<JsonArray> KeysAsync(bool refresh)
    {
        if (_jwks is null || refresh) // cache it; fetch again on an unknown kid
            _jwks = (JsonArray)JsonNode.Parse(await Http.GetStringAsync(_gateway + "/.well-known/jwks.json"))!["keys"]!;
        return _jwks;
    }

    // Checks Huibao-Signature (detached JWS over the exact body bytes); returns the kid or throws.
    public async Task<string> VerifyAsync(byte[] body, string signature)
    {
        var parts = signature.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0) throw new CryptographicException("the payload must be detached");
        var header = JsonNode.Parse(B64d(parts[0]))!;
        if ((string?)header["typ"] != "huibao-response" || (string?)header["alg"] != "ES256")
            throw new CryptographicException("not an answer signature");
        string kid = (string)header["kid"]!;
        JsonNode? Find(JsonArray keys) =>
            keys.FirstOrDefault(k => (string?)k!["kid"] == kid && (string?)k!["purpose"] == "response");
        var jwk = Find(await KeysAsync(false)) ?? Find(await KeysAsync(true))
                  ?? throw new CryptographicException("no response key " + kid);
        using var pub = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = B64d((string)jwk["x"]!), Y = B64d((string)jwk["y"]!) },
        });
        byte[] input = Encoding.ASCII.GetBytes(parts[0] + "." + B64e(body)); // the payload re-attached
        if (!pub.VerifyData(input, B64d(parts[2]), HashAlgorithmName.SHA256))
            throw new CryptographicException("signature does not verify");
        return kid;
    }

    // Sends one signed request; returns the status, the body and the kid of the verified answer signature.
    public async Task<(int Status, byte[] Body, string Kid)> CallAsync(string method, string pathAndQuery, byte[]? body = null)
    {
        body ??= Array.Empty<byte>();
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), _gateway + pathAndQuery);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token(method, pathAndQuery, body));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }
        using var response = await Http.SendAsync(request);
        byte[] answer = await response.Content.ReadAsByteArrayAsync(); // decoded bytes; never re-serialise
        if (!response.Headers.TryGetValues("Huibao-Signature", out var values)) // refusals are signed too
            throw new CryptographicException($"HTTP {(int)response.StatusCode} without Huibao-Signature");
        return ((int)response.StatusCode, answer, await VerifyAsync(answer, values.First()));
    }
}
