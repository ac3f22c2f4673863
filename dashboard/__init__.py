"""The Dash app that shows the timeline, its figure builder and its exports."""
