import './manager-app.js';
