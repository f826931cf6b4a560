using Azure.Core;

namespace TalkBot.Bot.Tests.Features.Directory;

/// <summary>A credential that hands out one dummy token, so that the Graph SDK sends a bearer header to the fake Graph.</summary>
internal sealed class FixedTokenCredential(string token = "fake-graph-token") : TokenCredential
{
    public int Calls { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Calls++;
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
