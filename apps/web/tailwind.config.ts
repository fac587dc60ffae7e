import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        tt: {
          primary: "#4f46e5",
          "primary-hover": "#4338ca",
          "primary-soft": "#eef2ff",
          text: "#111827",
          "text-muted": "#6b7280",
          border: "#e5e7eb",
          surface: "#ffffff",
          background: "#f9fafb",
          success: "#047857",
          "success-soft": "#ecfdf5",
          danger: "#b91c1c",
          "danger-soft": "#fef2f2",
          warning: "#b45309",
          "warning-soft": "#fffbeb",
        },
      },
      fontFamily: {
        sans: ["Inter", "ui-sans-serif", "system-ui", "sans-serif"],
      },
    },
  },
} satisfies Config;
