using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TalkBot.Bot.Features.Rectifications;

/// <summary>Rectification after the talk (000 §四(一)5): opened from the record, reported, reviewed, reminded and escalated.</summary>
public static class RectificationFeature
{
    public static IServiceCollection AddRectifications(this IServiceCollection services)
    {
        services.AddSingleton<RectificationStore>();
        services.AddSingleton<RectificationCards>();
        services.AddSingleton<RectificationReminders>();
        services.AddFollowUp<RecordLogged, RectificationOpening>("RecordLogged.Rectification");
        services.AddFollowUp<RectificationReported, RectificationNews>("RectificationReported.Reviewers");
        services.AddFollowUp<RectificationReviewed, RectificationNews>("RectificationReviewed.Talkee");
        services.TryAddSingleton<Tab.TalkLedgerRows>();
        services.AddFollowUp<RectificationReported, Tab.RectificationLedger>("RectificationReported.Ledger");
        services.AddFollowUp<RectificationReviewed, Tab.RectificationLedger>("RectificationReviewed.Ledger");
        services.AddJob<RectificationReminders>(RectificationReminders.DueSoon, (r, entry, ct) => r.RunAsync(entry, ct));
        services.AddJob<RectificationReminders>(RectificationReminders.Overdue, (r, entry, ct) => r.RunAsync(entry, ct));
        return services.AddHandler<ShowRectification>().AddHandler<SubmitRectification>().AddHandler<AcceptRectification>().AddHandler<ReturnRectification>();
    }
}
