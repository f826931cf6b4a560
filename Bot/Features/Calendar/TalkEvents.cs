using System.Net;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using TalkBot.Bot.Infrastructure.Graph;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Features.Calendar;

/// <summary>What became of a talk's event.</summary>
public enum TalkEventOutcome
{
    Created,
    /// <summary>The talk had its event already: nothing sent.</summary>
    Unchanged,
    Updated,
    Cancelled,
    /// <summary>Graph refused (no Calendars.ReadWrite, or the mailbox is outside the app's access policy): logged, not retried.</summary>
    Refused,
}

/// <summary>
/// A talk's Outlook event in the service mailbox (Graph <c>POST /users/{mailbox}/events</c>; application permission
/// Calendars.ReadWrite): created when the talk is scheduled, updated when it moves, cancelled when it is called off.
/// Each operation is idempotent: the talk's event is found by its row in <see cref="TalkEventStore"/>, and a create
/// that crashed before that row was written is deduplicated by Graph through the invitation's key (<c>transactionId</c>).
/// What it says is <see cref="TalkInvitation"/>'s: kind, time, place, attendees, a link to the notice, nothing confidential.
/// </summary>
public sealed partial class TalkEvents(
    GraphConnection graph, TalkEventStore store, PeopleStore people, CalendarEventOptions options, LocalePolicy locales, WorkingCalendar calendar,
    TimeProvider time, ILogger<TalkEvents> logger)
{
    public async Task<TalkEventOutcome> CreateAsync(Talk talk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        if (await store.FindAsync(talk.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return TalkEventOutcome.Unchanged;
        }

        var invitation = TalkInvitation.For(talk, options.Duration);
        var body = await EventAsync(invitation, cancellationToken).ConfigureAwait(false);
        body.TransactionId = invitation.Key;
        return await RefusedOrAsync(async () =>
        {
            var created = await graph.Client.Users[options.Mailbox].Events.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            await store.SaveAsync(talk.Id, options.Mailbox, created?.Id ?? throw new InvalidOperationException("Graph made an event without an id."),
                false, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return TalkEventOutcome.Created;
        }, talk.Id).ConfigureAwait(false);
    }

    /// <summary>The talk moved (time, place, people): its event follows; a talk without one gets one.</summary>
    public async Task<TalkEventOutcome> UpdateAsync(Talk talk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        if (await store.FindAsync(talk.Id, cancellationToken).ConfigureAwait(false) is not { Cancelled: false } row)
        {
            return await CreateAsync(talk, cancellationToken).ConfigureAwait(false);
        }

        var body = await EventAsync(TalkInvitation.For(talk, options.Duration), cancellationToken).ConfigureAwait(false);
        return await RefusedOrAsync(async () =>
        {
            await graph.Client.Users[row.Mailbox].Events[row.EventId].PatchAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            await store.SaveAsync(talk.Id, row.Mailbox, row.EventId, false, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return TalkEventOutcome.Updated;
        }, talk.Id).ConfigureAwait(false);
    }

    /// <summary>The talk is called off: its event is cancelled (attendees get Outlook's cancellation); twice is once.</summary>
    public async Task<TalkEventOutcome> CancelAsync(TalkId talk, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(talk, cancellationToken).ConfigureAwait(false) is not { Cancelled: false } row)
        {
            return TalkEventOutcome.Unchanged;
        }

        var locale = locales.For(null);
        return await RefusedOrAsync(async () =>
        {
            await graph.Client.Users[row.Mailbox].Events[row.EventId].Cancel.PostAsync(
                new() { Comment = locale.Pick("此次谈话已取消。", "This talk is cancelled.") }, cancellationToken: cancellationToken).ConfigureAwait(false);
            await store.SaveAsync(talk, row.Mailbox, row.EventId, true, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return TalkEventOutcome.Cancelled;
        }, talk).ConfigureAwait(false);
    }

    private async Task<TalkEventOutcome> RefusedOrAsync(Func<Task<TalkEventOutcome>> call, TalkId talk)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException e) when (e.ResponseStatusCode is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Unauthorized)
        {
            // No Calendars.ReadWrite, the mailbox outside the access policy, or no such mailbox: trying again will not help.
            LogRefused(logger, talk.Value, options.Mailbox, e.ResponseStatusCode);
            return TalkEventOutcome.Refused;
        }
    }

    private async Task<Event> EventAsync(TalkInvitation invitation, CancellationToken cancellationToken)
    {
        var locale = locales.For(null);
        var attendees = new List<Attendee>();
        foreach (var id in invitation.Attendees)
        {
            // Addressed by userPrincipalName, which Exchange Online resolves to the mailbox.
            if (await people.FindAsync(id, cancellationToken).ConfigureAwait(false) is { UserPrincipalName: { Length: > 0 } upn } person)
            {
                attendees.Add(new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = upn, Name = person.DisplayName } });
            }
        }

        var kind = Labels.Of(invitation.Kind, locale);
        var when = DateText.DateTime(calendar.ToLocal(invitation.Start), locale);
        var link = WebUtility.HtmlEncode(options.NoticeLink);
        return new Event
        {
            Subject = kind,
            Body = new ItemBody
            {
                ContentType = BodyType.Html,
                Content = locale.Pick(
                    $"<p>{WebUtility.HtmlEncode(kind)}：{WebUtility.HtmlEncode(when)}，地点：{WebUtility.HtmlEncode(invitation.Place)}。</p><p>谈话通知书见 TalkBot：<a href=\"{link}\">打开 TalkBot</a>（发送“我的通知”）。</p>",
                    $"<p>{WebUtility.HtmlEncode(kind)}: {WebUtility.HtmlEncode(when)}, at {WebUtility.HtmlEncode(invitation.Place)}.</p><p>The notice is in TalkBot: <a href=\"{link}\">open TalkBot</a> (send “my notices”).</p>"),
            },
            Start = new DateTimeTimeZone { DateTime = invitation.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = invitation.End.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), TimeZone = "UTC" },
            Location = new Location { DisplayName = invitation.Place },
            Attendees = attendees,
            IsOnlineMeeting = options.OnlineMeeting,
            OnlineMeetingProvider = options.OnlineMeeting ? OnlineMeetingProviderType.TeamsForBusiness : null,
            AllowNewTimeProposals = false,
            Sensitivity = Sensitivity.Private,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Graph refused the event of talk {Talk} in {Mailbox}: HTTP {Status} (Calendars.ReadWrite, and the access policy)")]
    private static partial void LogRefused(ILogger logger, string talk, string mailbox, int status);
}
