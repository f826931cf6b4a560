using Azure.Core;

namespace TalkBot.GraphBench;

/// <summary>A dummy token: the fake Graph checks only that a bearer header is there.</summary>
internal sealed class BenchCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new("graph-bench-token", DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
