"""The app's screens, one per module: events, compare, help, and the column picker."""
