"""The snapshot: the crawler (Salesmap API v2 → salesmap_latest.db) and the snapshot format.

Kept light on purpose: readers import `snapshot.format` for table and column names, and that must not
pull in the crawler (30_style.md §2.8).
"""
