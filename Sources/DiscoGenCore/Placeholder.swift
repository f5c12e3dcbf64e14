public enum DiscoGenCorePlaceholder {}
