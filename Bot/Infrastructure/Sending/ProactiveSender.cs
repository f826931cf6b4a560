using Polly;
using Polly.Retry;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>
/// Every proactive push goes through here (PROTOCOL §9): queued durably under its idempotency key, sent within the
/// per-conversation and per-tenant limits, retried with jittered back-off on 429 (after its <c>Retry-After</c>), 412,
/// 502, 503 and 504, and stored as sent, failed (retries spent) or unreachable (403 blocked or uninstalled, 404
/// conversation gone). A key already sent is never sent again.
/// </summary>
public sealed partial class ProactiveSender
{
    private static readonly ResiliencePropertyKey<ClaimedSend> SendProperty = new("talkbot.send");

    private readonly OutboxStore outbox;
    private readonly IConnectorClient connector;
    private readonly SendRateLimiter limiter;
    private readonly ConversationReferences conversations;
    private readonly OutboxHooks hooks;
    private readonly Messenger messenger;
    private readonly LocalePolicy locales;
    private readonly SenderOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<ProactiveSender> logger;
    private readonly ResiliencePipeline<ResourceResponse?> pipeline;

    public ProactiveSender(
        OutboxStore outbox,
        IConnectorClient connector,
        SendRateLimiter limiter,
        ConversationReferences conversations,
        OutboxHooks hooks,
        Messenger messenger,
        LocalePolicy locales,
        SenderOptions options,
        TimeProvider time,
        ILogger<ProactiveSender> logger)
    {
        this.outbox = outbox;
        this.connector = connector;
        this.limiter = limiter;
        this.conversations = conversations;
        this.hooks = hooks;
        this.messenger = messenger;
        this.locales = locales;
        this.options = options;
        this.time = time;
        this.logger = logger;
        pipeline = new ResiliencePipelineBuilder<ResourceResponse?> { TimeProvider = options.WireClock }
            .AddRetry(new RetryStrategyOptions<ResourceResponse?>
            {
                ShouldHandle = new PredicateBuilder<ResourceResponse?>()
                    .Handle<ConnectorException>(e => IsTransient(e.StatusCode))
                    .Handle<HttpRequestException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                // Teams' Retry-After is the wait it asks for: honoured as given, not shortened by the back-off.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ConnectorException { RetryAfter: { } after } ? after : (TimeSpan?)null),
                OnRetry = OnRetryAsync,
            })
            .Build();
    }

    /// <summary>Retryable statuses (PROTOCOL §9).</summary>
    public static bool IsTransient(int status) => status is 429 or 412 or 502 or 503 or 504;

    /// <summary>Queues many messages for the outbox dispatcher to send (a fan-out); returns how many were new.</summary>
    public Task<int> EnqueueAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken) =>
        outbox.EnqueueManyAsync(messages, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Sends a claimed send, stores its outcome, escalates an unreachable person, tells the send's handler, and lets
    /// the row go, in that order, so that a crash at any step repeats the steps after it and never the send. A card
    /// refresh is built now, from the state now. Cancellation stops the waiting (limits, back-off) but never an HTTP call
    /// under way, so a send that reached Teams is always recorded.
    /// </summary>
    public async Task<SendOutcome> DeliverAsync(ClaimedSend send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        if (limiter.WaitFor(send.ConversationId) is var wait && wait > options.PostponeAbove)
        {
            // The chat is at its limit for a while: the send waits in the outbox, not in a worker that other chats need.
            await outbox.PostponeAsync(send, options.WireClock.GetUtcNow() + wait, CancellationToken.None).ConfigureAwait(false);
            return new SendOutcome(SendStatus.Queued);
        }

        if (send.Refresh is { } refresh)
        {
            return await RefreshAsync(send, refresh, cancellationToken).ConfigureAwait(false);
        }

        // Only a send claimed before can have finished already (a crash after its outcome was stored): the first claim
        // saves the read.
        var stored = send.FirstClaim ? null : await outbox.FindAsync(send.Key, send.Person, cancellationToken).ConfigureAwait(false);
        SendOutcome outcome;
        if (stored is { Status: SendStatus.Sent or SendStatus.Unreachable or SendStatus.Failed })
        {
            // Finished by an instance that stopped before letting the row go: the steps after the send are left.
            outcome = stored;
        }
        else
        {
            outcome = await SendWithRetriesAsync(send, send.Activity, null, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == SendStatus.Unreachable)
            {
                // The reference is kept for history but no longer used (PROTOCOL §9).
                await conversations.MarkRemovedAsync(send.Person, CancellationToken.None).ConfigureAwait(false);
            }

            await outbox.RecordAsync(send.Key, send.Person, outcome, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }

        if (outcome.Status == SendStatus.Unreachable && send.Escalation is not null)
        {
            await messenger.EscalateAsync(send.Key, send.Person, send.Escalation, outcome, CancellationToken.None).ConfigureAwait(false);
        }

        if (send.Then is { } then)
        {
            await messenger.HandOverAsync(then, new SendReceipt(send.Key, send.Person, then.Subject, outcome, send.ConversationId), CancellationToken.None)
                .ConfigureAwait(false);
        }

        await outbox.CompleteAsync(send, outcome, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        Hosting.TalkBotTelemetry.Sends.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Status.ToString()));
        return outcome;
    }

    private async Task<SendOutcome> RefreshAsync(ClaimedSend send, CardRefreshOf refresh, CancellationToken cancellationToken)
    {
        var rendered = hooks.Refresh(refresh.Refresh) is { } renderer
            ? await renderer.RenderAsync(
                new CardRefreshRequest(refresh.Subject, send.Person, locales.For(send.Activity.Locale), send.QueuedBy == options.InstanceId), cancellationToken).ConfigureAwait(false)
            : null;
        var outcome = new SendOutcome(SendStatus.Sent);
        if (rendered is not null)
        {
            var activity = CardMessages.WithCard(send.Activity, rendered.Card, rendered.Replaces, rendered.ConversationId);
            outcome = await SendWithRetriesAsync(send, activity, rendered.Replaces, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == SendStatus.Failed)
            {
                // Teams kept failing: the refresh is tried again later with whatever is new by then.
                await outbox.PostponeAsync(send, options.WireClock.GetUtcNow() + options.MaxRetryDelay, CancellationToken.None).ConfigureAwait(false);
                return outcome;
            }

            if (outcome.Delivered && rendered.Sent is { } sent)
            {
                await sent(CancellationToken.None).ConfigureAwait(false);
            }
        }

        // Unreachable (a card that is gone, a chat blocked) is not retried; queued again since the claim, it stays.
        await outbox.CompleteAsync(send, outcome, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }

    private async Task<SendOutcome> SendWithRetriesAsync(ClaimedSend send, Activity activity, string? replaces, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SendProperty, send);
        try
        {
            var response = await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    var slot = await state.limiter.WaitAsync(state.send.Tenant, state.activity.Conversation?.Id ?? state.send.ConversationId, ctx.CancellationToken).ConfigureAwait(false);
                    try
                    {
                        return state.replaces is null
                            ? await state.connector.SendToConversationAsync(state.send.ServiceUrl, state.activity.Conversation?.Id ?? state.send.ConversationId, state.activity, CancellationToken.None).ConfigureAwait(false)
                            : await state.connector.UpdateActivityAsync(state.send.ServiceUrl, state.activity.Conversation?.Id ?? state.send.ConversationId, state.activity, CancellationToken.None).ConfigureAwait(false);
                    }
                    finally
                    {
                        state.limiter.Sent(slot);
                    }
                },
                context,
                (limiter, connector, send, activity, replaces)).ConfigureAwait(false);
            return new SendOutcome(SendStatus.Sent, response?.Id ?? replaces);
        }
        catch (ConnectorException e) when (e.StatusCode is 403 or 404)
        {
            LogUnreachable(logger, send.Key, send.Person.Value, e.StatusCode, e.ErrorCode ?? "");
            return new SendOutcome(SendStatus.Unreachable, null, e.StatusCode, e.ErrorCode ?? e.Message);
        }
        catch (ConnectorException e)
        {
            LogFailed(logger, send.Key, send.Person.Value, e);
            return new SendOutcome(SendStatus.Failed, null, e.StatusCode, e.ErrorCode ?? e.Message);
        }
        catch (HttpRequestException e)
        {
            LogFailed(logger, send.Key, send.Person.Value, e);
            return new SendOutcome(SendStatus.Failed, null, null, e.Message);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask OnRetryAsync(OnRetryArguments<ResourceResponse?> args)
    {
        var status = (args.Outcome.Exception as ConnectorException)?.StatusCode;
        LogRetrying(logger, status ?? 0, args.AttemptNumber + 1, args.RetryDelay);
        Hosting.TalkBotTelemetry.SendRetries.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status ?? 0));
        if (args.AttemptNumber == 0 && args.Context.Properties.TryGetValue(SendProperty, out var send))
        {
            await outbox.MarkRetryingAsync(send, status, args.Outcome.Exception?.Message, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Send got HTTP {Status}; retry {Attempt} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int status, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send {Key} to {Person}: unreachable (HTTP {Status} {Code})")]
    private static partial void LogUnreachable(ILogger logger, string key, string person, int status, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send {Key} to {Person} failed after its retries")]
    private static partial void LogFailed(ILogger logger, string key, string person, Exception exception);
}
