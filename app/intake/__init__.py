"""Mailbox → tickets (IMAP), .eml import, acknowledgments and replies (SMTP)."""
