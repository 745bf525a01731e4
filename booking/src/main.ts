import './booking-app.js';
