import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      fontFamily: {
        sans: ["Pretendard", "'Noto Sans KR'", "'Noto Sans CJK KR'", "'Apple SD Gothic Neo'", "'Malgun Gothic'", "system-ui", "sans-serif"],
      },
      colors: {
        // 마당: the green of a village yard, with a warm clay accent for 공감.
        brand: {
          50: "#eefbf5",
          100: "#d6f5e6",
          200: "#aee9cf",
          300: "#79d6b2",
          400: "#42bb90",
          500: "#1f9f76",
          600: "#13805f",
          700: "#10664e",
          800: "#0f5140",
          900: "#0d4336",
          950: "#06251e",
        },
        clay: {
          50: "#fff6ed",
          100: "#ffead5",
          200: "#fed1aa",
          300: "#fdac74",
          400: "#fb7d3c",
          500: "#ea580c",
          600: "#c2410c",
          700: "#9a3412",
          800: "#7c2d12",
          900: "#66240f",
        },
      },
      boxShadow: { card: "0 1px 2px rgb(16 24 40 / 0.04), 0 1px 3px rgb(16 24 40 / 0.08)" },
    },
  },
  plugins: [],
} satisfies Config;
