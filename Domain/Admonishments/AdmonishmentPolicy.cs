namespace TalkBot.Domain.Admonishments;

/// <summary>The periods of the admonishment procedure that 002 leaves to the site, configurable where its practice differs.</summary>
public sealed record AdmonishmentPolicy
{
    /// <param name="followUpDays">
    /// 002 §四5 (诫勉谈话后…对…改进情况进行了解) names no period: calendar days from the talk to the follow-up check.
    /// </param>
    /// <param name="writtenMaterialWorkingDays">
    /// 002 §四4 (还须要求其交出书面检查 / 集体剖析材料及整改措施) names no deadline: working days the person has for it.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A period of less than one day.</exception>
    public AdmonishmentPolicy(int followUpDays = 30, int writtenMaterialWorkingDays = 5)
    {
        FollowUpDays = followUpDays;
        WrittenMaterialWorkingDays = writtenMaterialWorkingDays;
    }

    public static AdmonishmentPolicy Default { get; } = new();

    /// <summary>Calendar days from the admonishment talk to the follow-up check (002 §四5).</summary>
    public int FollowUpDays
    {
        get;
        init => field = AtLeastOneDay(value, nameof(FollowUpDays));
    }

    /// <summary>Working days for the written self-examination or the collective analysis (002 §四4).</summary>
    public int WrittenMaterialWorkingDays
    {
        get;
        init => field = AtLeastOneDay(value, nameof(WrittenMaterialWorkingDays));
    }

    // A period of zero days would make the check or the material due on the day of the talk itself.
    private static int AtLeastOneDay(int days, string name) =>
        days >= 1 ? days : throw new ArgumentOutOfRangeException(name, days, "A period of at least one day.");
}
