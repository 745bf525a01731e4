import './counter-app.js';
