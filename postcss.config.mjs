// Tailwind CSS v4 runs as a single PostCSS plugin; theme and content
// detection live in app/globals.css (CSS-first configuration).
const config = {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};

export default config;
