namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// Counts the HTTP requests that leave the process. It sits innermost in Graph's pipeline, after the retry handler,
/// so that a retried request counts twice, as the server sees it.
/// </summary>
internal sealed class RequestCountingHandler : DelegatingHandler
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        return base.SendAsync(request, cancellationToken);
    }
}
