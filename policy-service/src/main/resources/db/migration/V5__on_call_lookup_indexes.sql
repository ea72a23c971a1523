-- The on-call lookup of the effective schedule finds the rosters of many officers at once: as
-- members (roster_member_officer), as named backups and through overrides naming them. These two
-- indexes serve the last two, which otherwise read the whole table on every schedule read.
CREATE INDEX roster_member_backup ON roster_member (backup_nip);
CREATE INDEX roster_override_officer ON roster_override (officer_nip, start_time);
