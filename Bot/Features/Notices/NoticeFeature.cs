namespace TalkBot.Bot.Features.Notices;

/// <summary>The notices of a talk (000 §四(一)3): delivered, answered by their talkees, reminded and escalated.</summary>
public static class NoticeFeature
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddFollowUp<TalkScheduled, NoticeDelivery>("TalkScheduled.Notices");
        services.AddSendOutcome<NoticeSent>();
        services.AddCardRefresh<TalkCard>().AddCardRefresh<NoticeCardRefresh>();
        services.AddFollowUp<TalkChanged, NoticeChanges>("TalkChanged.Notices");
        services.AddSingleton<PostponementReminders>();
        services.AddJob<PostponementReminders>(PostponementReminders.Job, (r, entry, ct) => r.RunAsync(entry, ct));
        services.AddTable(PostponementDigest.Table).AddCardRefresh<PostponementDigest>();
        services.AddSingleton<NoticeReminders>();
        services.AddJob<NoticeReminders>(NoticeReminders.Repush, (r, entry, ct) => r.RunAsync(entry, ct));
        services.AddJob<NoticeReminders>(NoticeReminders.Escalation, (r, entry, ct) => r.RunAsync(entry, ct));
        return services.AddHandler<AcknowledgeNotice>().AddHandler<PostponeNotice>().AddHandler<RefreshNotice>().AddHandler<MyNotices>();
    }
}
