using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Graph;

namespace TalkBot.Bot.Features.Calendar;

/// <summary>Outlook events for scheduled talks (issue 14), with <c>CalendarEvents:Mailbox</c> set: a follow-up of <see cref="TalkScheduled"/>.</summary>
public static class CalendarFeature
{
    public static IServiceCollection AddCalendarEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new CalendarEventOptions();
        configuration.GetSection(CalendarEventOptions.Section).Bind(options);
        if (!options.Enabled)
        {
            return services;
        }

        if (string.IsNullOrWhiteSpace(options.NoticeLink))
        {
            options.NoticeLink = $"https://teams.microsoft.com/l/chat/0/0?users=28:{configuration["MicrosoftAppId"]}";
        }

        services.AddSingleton(options);
        services.AddGraphConnection(configuration);
        services.AddTable(TalkEventStore.Table);
        services.AddSingleton<TalkEventStore>();
        services.AddSingleton<TalkEvents>();
        return services.AddFollowUp<TalkScheduled, TalkEventFollowUp>("TalkCalendarEvent")
            .AddFollowUp<TalkChanged, TalkEventChange>("TalkChanged.CalendarEvent");
    }
}

/// <summary>Once a talk is stored, its Outlook event is made (once, however often this runs).</summary>
public sealed class TalkEventFollowUp(TalkStore talks, TalkEvents events) : IFollowUp<TalkScheduled>
{
    public async Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is { } talk)
        {
            await events.CreateAsync(talk, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A moved talk's Outlook event moves with it; a cancelled talk's event is cancelled.</summary>
public sealed class TalkEventChange(TalkStore talks, TalkEvents events) : IFollowUp<TalkChanged>
{
    public async Task RunAsync(TalkChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk || talk.Revision != change.Revision)
        {
            return;
        }

        _ = talk.Status == TalkStatus.Cancelled
            ? await events.CancelAsync(talk.Id, cancellationToken).ConfigureAwait(false)
            : await events.UpdateAsync(talk, cancellationToken).ConfigureAwait(false);
    }
}
